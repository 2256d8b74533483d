import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ISSUING_ROLES, REPORT_SUBMITTING_ROLES, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { EvidenceAck, InspectionEvidenceAckDto } from '@bihuan/inspection';
import {
  ApiPagedResponse,
  CommandReceipt,
  CommandReceiptDto,
  FileUpload,
  KeysetPage,
  StagedFile,
  StagedUpload,
  StreamedUploadSpec,
} from '@bihuan/platform';
import { ReportDutyDetail, ReportDutyReads } from '../../application/duties/report-duty-reads';
import { ReportDutyRequest } from '../../application/duties/report-duty-request.handler';
import { ReportDutyListItem } from '../../read-models/report-duties.queries';
import { CAMPAIGN_READ_ROLES } from '../campaigns.controller';
import {
  AcceptReportDto,
  ListReportDutiesQueryDto,
  REPORT_EVIDENCE_FORM_FIELDS,
  ReportEvidenceNoteDto,
  ReturnReportDto,
  SubmitReportDto,
} from './report-duty.dto';
import { ReportDutyDetailDto, ReportDutyListItemDto } from './report-duty.response';

/** The owing unit uploads a report's files under the uploads policy's `rectification` use (their documents to the commission). */
const REPORT_UPLOAD: StreamedUploadSpec = {
  mode: 'streamed',
  use: 'rectification',
  kindLabel: '报送材料',
  fields: REPORT_EVIDENCE_FORM_FIELDS,
};

/**
 * Reporting duties (报送任务): each report a campaign requires of each institution in scope, with
 * its due date; the institution hands it in (text and files), the issuing office accepts it or
 * returns it with reasons. Reads within the duty's visibility (docs/campaigns.md).
 */
@ApiTags('campaigns: reporting duties')
@ApiBearerAuth()
@Controller('report-duties')
export class ReportDutiesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReportDutyReads) private readonly reads: ReportDutyReads,
  ) {}

  @Get()
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({
    summary:
      'Reporting duties you see (hospitals: their own; commission staff: their jurisdiction’s), nearest due first: { items, nextCursor }',
  })
  @ApiPagedResponse(ReportDutyListItemDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListReportDutiesQueryDto): Promise<KeysetPage<ReportDutyListItem>> {
    const { cursor, pageSize = 20, ...filter } = q;
    return this.reads.list(actor, filter, cursor, pageSize);
  }

  @Get(':dutyId')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({ summary: 'A reporting duty: its due date, where it stands, the submissions with their files, the reviews' })
  @ApiOkResponse({ type: ReportDutyDetailDto })
  get(@CurrentActor() actor: Actor, @Param('dutyId') dutyId: string): Promise<ReportDutyDetail> {
    return this.reads.detail(actor, dutyId);
  }

  @Post(':dutyId/evidence')
  @Roles(...REPORT_SUBMITTING_ROLES)
  @FileUpload(REPORT_UPLOAD)
  @ApiOperation({
    summary:
      'Upload a file for the report (the owing unit: an institution’s hospital users, a lower commission’s inspectors and leaders, while it owes the report); cite it by digest when handing in',
  })
  @ApiCreatedResponse({ type: InspectionEvidenceAckDto })
  evidence(
    @CurrentActor() actor: Actor,
    @Param('dutyId') dutyId: string,
    @StagedUpload() staged: StagedFile,
    @Body() body: ReportEvidenceNoteDto,
  ): Promise<EvidenceAck> {
    return this.commands.execute(new ReportDutyRequest(actor, { kind: 'AttachEvidence', dutyId, staged, ...body })) as Promise<EvidenceAck>;
  }

  @Post(':dutyId/submit')
  @HttpCode(200)
  @Roles(...REPORT_SUBMITTING_ROLES)
  @ApiOperation({ summary: '报送: hand the report in (text, files cited by digest); late when after its due instant' })
  @ApiOkResponse({ type: CommandReceiptDto })
  submit(@CurrentActor() actor: Actor, @Param('dutyId') dutyId: string, @Body() body: SubmitReportDto): Promise<CommandReceipt> {
    return this.commands.execute(new ReportDutyRequest(actor, { kind: 'Submit', dutyId, ...body }));
  }

  @Post(':dutyId/accept')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({ summary: 'Accept the report handed in (the issuing unit’s inspectors and leaders)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  accept(@CurrentActor() actor: Actor, @Param('dutyId') dutyId: string, @Body() body: AcceptReportDto): Promise<CommandReceipt> {
    return this.commands.execute(new ReportDutyRequest(actor, { kind: 'Accept', dutyId, ...body }));
  }

  @Post(':dutyId/return')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary: 'Return the report with reasons: owed again (by its due date while ahead, else within the policy’s resubmission working days)',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  return(@CurrentActor() actor: Actor, @Param('dutyId') dutyId: string, @Body() body: ReturnReportDto): Promise<CommandReceipt> {
    return this.commands.execute(new ReportDutyRequest(actor, { kind: 'Return', dutyId, ...body }));
  }
}
