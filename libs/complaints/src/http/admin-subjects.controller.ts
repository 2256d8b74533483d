import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { EraseSubjectCommand } from '../application/complaints.commands';
import { ErasureResultDto } from './response.dto';
import { EraseSubjectDto } from './steps.dto';

/** Crypto-shredding on request (个人信息删除): the key goes, the log stays and still verifies. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/subjects')
export class AdminSubjectsController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':subjectId/erase')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Erase a data subject: delete their SM4 key; their identity reads as erased everywhere' })
  @ApiOkResponse({ type: ErasureResultDto })
  erase(@Param('subjectId') subjectId: string, @CurrentActor() actor: Actor, @Body() dto: EraseSubjectDto): Promise<{ subjectId: string; outcome: string; erasedAt: string }> {
    return this.bus.execute(new EraseSubjectCommand(subjectId, actor, dto.reason));
  }
}
