import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SystemWide } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ErasureService } from '@bihuan/privacy';
import { ErasureResultDto } from './response.dto';
import { EraseSubjectDto } from './steps.dto';

/** Crypto-shredding on request (个人信息删除): the key goes, the log stays and still verifies. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/subjects')
export class AdminSubjectsController {
  constructor(private readonly erasure: ErasureService) {}

  @Post(':subjectId/erase')
  @HttpCode(200)
  @Roles('admin')
  @SystemWide()
  @ApiOperation({ summary: 'Erase a data subject: delete their SM4 key; their identity reads as erased everywhere' })
  @ApiOkResponse({ type: ErasureResultDto })
  async erase(
    @Param('subjectId') subjectId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: EraseSubjectDto,
  ): Promise<{ subjectId: string; outcome: string; erasedAt: string }> {
    const receipt = await this.erasure.eraseSubject(subjectId, actor, dto.reason);
    return { subjectId: receipt.subjectId, outcome: receipt.outcome, erasedAt: receipt.erasure.at };
  }
}
