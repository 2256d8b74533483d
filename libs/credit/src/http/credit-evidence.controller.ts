import { CommandReceipt, CommandReceiptDto, FileUpload, StagedFile, StagedUpload } from '@bihuan/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { CreditArchiveRequest } from '../application/credit-archive.handler';
import { CreditEvidenceDto } from './credit-archive.dto';

/** 上传材料 for a credit archive: the documents its commitments cite (a signed 廉洁诚信协议). */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('credit/archives')
export class CreditEvidenceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':institutionId/evidence')
  @HttpCode(200)
  @Roles('hospital', 'inspector', 'admin')
  @FileUpload({ mode: 'streamed', use: 'credit', fields: { note: { type: 'string', maxLength: 1000 } } })
  @ApiOperation({
    summary: '上传材料 for the archive’s commitments to cite by SM3 digest, e.g. a signed supplier agreement (hospital: own institution)',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  attach(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @StagedUpload() staged: StagedFile,
    @Body() body: CreditEvidenceDto,
  ): Promise<CommandReceipt> {
    return this.commands.execute(
      new CreditArchiveRequest(actor, institutionId, { kind: 'AttachEvidence', data: { staged, note: body.note ?? null } }),
    );
  }
}
