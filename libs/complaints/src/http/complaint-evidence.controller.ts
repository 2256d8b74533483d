import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { FileUpload, StagedFile, StagedUpload } from '@bihuan/platform';
import { TicketCommandResult, TicketRequest } from '../application/ticket-request';
import { TicketCommandResultDto } from './response.dto';
import { EvidenceNoteDto } from './steps.dto';

/**
 * 上传材料 by staff at a ticket's steps: commission staff while it is open, the assigned hospital
 * while it handles it (the decider's rule, evidenceStepFor). Streamed to staging and sealed under
 * the ticket's subject before the decider decides; kinds and limit are the `complaintStaff` use of
 * the uploads policy.
 */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintEvidenceController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/evidence')
  @HttpCode(200)
  @Roles('hospital', 'inspector', 'leader', 'admin')
  @FileUpload({
    mode: 'streamed',
    use: 'complaintStaff',
    fields: { note: { type: 'string', maxLength: 1000, description: 'What the file is (never the complainant’s name or contacts)' } },
  })
  @ApiOperation({
    summary: '上传材料: attach a file to the ticket (sealed under the complainant’s key); the same file again changes nothing',
  })
  @ApiOkResponse({ type: TicketCommandResultDto })
  attach(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @StagedUpload() staged: StagedFile,
    @Body() dto: EvidenceNoteDto,
  ): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(actor, { kind: 'attach-evidence', ticketId: id, staged, note: dto.note ?? null }));
  }
}
