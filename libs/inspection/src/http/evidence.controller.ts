import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { FileUpload, StagedFile, StagedUpload, StreamedUploadSpec } from '@bihuan/platform';
import { EvidenceAck, FindingRequest, VisitRequest } from '../application';
import { AttachEvidenceDto, EVIDENCE_FORM_FIELDS, InspectionEvidenceAckDto } from './evidence.dto';

/** Inspectors upload under the `inspection` use, hospitals under `rectification` (the uploads policy's kinds and limits). */
const EVIDENCE_UPLOAD: StreamedUploadSpec = {
  mode: 'streamed',
  use: { byRole: { inspector: 'inspection', hospital: 'rectification' } },
  kindLabel: '证据文件',
  fields: EVIDENCE_FORM_FIELDS,
};

/**
 * Evidence files of visits and findings (issue 18): one file per request, streamed to staging by
 * the upload guard, attached by the case's own decider — who may attach where and when is its rule
 * — and kept in the vault only once it accepted. Steps then cite the answered `file.digest`.
 */
@ApiTags('inspection: evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('visits/:visitId/evidence')
  @Roles('inspector', 'hospital')
  @FileUpload(EVIDENCE_UPLOAD)
  @ApiOperation({
    summary: 'Upload a photo, recording or document of the visit (inspector; on a self-inspection its hospital), until it is closed',
  })
  @ApiCreatedResponse({ type: InspectionEvidenceAckDto })
  visit(
    @CurrentActor() actor: Actor,
    @Param('visitId') visitId: string,
    @StagedUpload() staged: StagedFile,
    @Body() body: AttachEvidenceDto,
  ): Promise<EvidenceAck> {
    return this.commands.execute(new VisitRequest(actor, { kind: 'AttachEvidence', visitId, staged, ...body })) as Promise<EvidenceAck>;
  }

  @Post('findings/:findingId/evidence')
  @Roles('inspector', 'hospital')
  @FileUpload(EVIDENCE_UPLOAD)
  @ApiOperation({
    summary:
      "Upload evidence to a finding: the inspector's (the problem; a re-check once signed off) or its hospital's (plan, progress, sign-off request); cite it by digest",
  })
  @ApiCreatedResponse({ type: InspectionEvidenceAckDto })
  finding(
    @CurrentActor() actor: Actor,
    @Param('findingId') findingId: string,
    @StagedUpload() staged: StagedFile,
    @Body() body: AttachEvidenceDto,
  ): Promise<EvidenceAck> {
    return this.commands.execute(new FindingRequest(actor, { kind: 'AttachEvidence', findingId, staged, ...body })) as Promise<EvidenceAck>;
  }
}
