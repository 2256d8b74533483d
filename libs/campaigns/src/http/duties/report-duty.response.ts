import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { InspectionEvidenceFileDto } from '@bihuan/inspection';
import { nullableEnum } from '@bihuan/platform';
import { CampaignReportsView, ReportDutyDetail } from '../../application/duties/report-duty-reads';
import { ReportCell, ReportColumn, ReportMatrixRow, ReportMatrixTotals } from '../../application/duties/report-matrix';
import { REPORT_KINDS, REPORT_RECURRENCES, ReportKind, ReportRecurrence } from '../../domain/campaign-values';
import { ReportReview } from '../../domain/duty/report-duty.state';
import {
  DUTY_ESCALATION_RUNGS,
  DutyEscalationRung,
  OWING_UNIT_KINDS,
  OwingUnitKind,
  REPORT_DUTY_STATUSES,
  ReportDutyStatus,
} from '../../domain/duty/report-duty-values';
import { ReportDutyListItem } from '../../read-models/report-duties.queries';

const DUE_AT = 'The due instant: the end of dueOn (Asia/Shanghai), for a recurring report of the first working day on or after it';

/** A reporting duty (报送任务) as lists show it. */
export class ReportDutyListItemDto implements ReportDutyListItem {
  @ApiProperty() dutyId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ description: 'The campaign’s title when the duty was assigned' }) campaignTitle!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() phaseIndex!: number;
  @ApiProperty() phaseName!: string;
  @ApiProperty({ description: 'The day the campaign names (YYYY-MM-DD)' }) dueOn!: string;
  @ApiProperty({ description: 'The first day it may be handed in (YYYY-MM-DD)' }) opensOn!: string;
  @ApiProperty({ description: DUE_AT }) dueAt!: string;
  @ApiProperty({ enum: REPORT_DUTY_STATUSES }) status!: ReportDutyStatus;
  @ApiProperty() round!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Rung of the overdue ladder reached (1 逾期催报, 2 督办)' }) escalationStep!:
    number | null;
  @ApiProperty(nullableEnum(DUTY_ESCALATION_RUNGS)) escalationRung!: DutyEscalationRung | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last submission' }) submittedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'That submission was in by dueAt' }) onTime!: boolean | null;
  @ApiProperty() submissions!: number;
  @ApiProperty({ type: String, nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reasons of the last return' }) returnReason!: string | null;
  @ApiProperty() assignedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Still owed past dueAt (against the clock now)' }) overdue!: boolean;
}

export class ReportDutyEscalationDto {
  @ApiProperty() step!: number;
  @ApiProperty({ enum: DUTY_ESCALATION_RUNGS }) rung!: DutyEscalationRung;
}

export class ReportDutyDeadlineDto {
  @ApiProperty({ example: 'report.due' }) deadlineId!: string;
  @ApiProperty({ example: 'report-due' }) purpose!: string;
  @ApiProperty() dueAt!: string;
}

export class ReportSubmissionDto {
  @ApiProperty() round!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: () => [InspectionEvidenceFileDto], description: 'The files it cites' }) evidence!: InspectionEvidenceFileDto[];
  @ApiProperty() submittedBy!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() onTime!: boolean;
}

export class ReportReviewDto implements ReportReview {
  @ApiProperty() round!: number;
  @ApiProperty({ enum: ['accepted', 'returned'] }) outcome!: 'accepted' | 'returned';
  @ApiProperty() by!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The comment of an acceptance, the reasons of a return' }) note!: string | null;
}

/** GET /report-duties/{dutyId}: facts, where it stands, submissions with their files, reviews, the deadline running. */
export class ReportDutyDetailDto implements ReportDutyDetail {
  @ApiProperty() dutyId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty({ description: 'The owing unit: an institution, or a lower commission unit (owingUnitKind)' }) institutionId!: string;
  @ApiProperty({
    enum: OWING_UNIT_KINDS,
    description: 'institution: its hospital users hand it in; commission: its inspectors and leaders',
  })
  owingUnitKind!: OwingUnitKind;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty(nullableEnum(REPORT_RECURRENCES)) recurrence!: ReportRecurrence | null;
  @ApiProperty() phaseIndex!: number;
  @ApiProperty() phaseName!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty() opensOn!: string;
  @ApiProperty({ description: DUE_AT }) dueAt!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ enum: REPORT_DUTY_STATUSES }) status!: ReportDutyStatus;
  @ApiProperty() round!: number;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: () => ReportDutyEscalationDto, nullable: true }) escalation!: ReportDutyEscalationDto | null;
  @ApiProperty({ type: () => ReportDutyDeadlineDto, nullable: true }) deadline!: ReportDutyDeadlineDto | null;
  @ApiProperty({ type: () => [ReportSubmissionDto] }) submissions!: ReportSubmissionDto[];
  @ApiProperty({ type: () => [ReportReviewDto] }) reviews!: ReportReviewDto[];
  @ApiProperty({ type: () => [InspectionEvidenceFileDto] }) files!: InspectionEvidenceFileDto[];
  @ApiProperty({ description: 'The clock’s Shanghai day' }) today!: string;
}

export class CampaignReportColumnDto implements ReportColumn {
  @ApiProperty() phaseIndex!: number;
  @ApiProperty() phaseName!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() dueOn!: string;
}

export class CampaignReportCellDto implements ReportCell {
  @ApiProperty() dutyId!: string;
  @ApiProperty({ enum: REPORT_DUTY_STATUSES }) status!: ReportDutyStatus;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTime!: boolean | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty(nullableEnum(DUTY_ESCALATION_RUNGS)) escalationRung!: DutyEscalationRung | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
}

export class CampaignReportUnitDto implements ReportMatrixRow {
  @ApiProperty() institutionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: 'array',
    items: { nullable: true, allOf: [{ $ref: getSchemaPath(CampaignReportCellDto) }] },
    description: 'One per column; null where no duty was generated',
  })
  cells!: (CampaignReportCellDto | null)[];
}

export class CampaignReportTotalsDto implements ReportMatrixTotals {
  @ApiProperty({ description: 'Duties not withdrawn' }) duties!: number;
  @ApiProperty({ description: 'Of those, past their due instant' }) due!: number;
  @ApiProperty({ description: 'Handed in and standing (awaiting review or accepted)' }) received!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() awaitingReview!: number;
  @ApiProperty() returned!: number;
  @ApiProperty({ description: 'Received by the due instant' }) onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty({ description: 'Still owed past the due instant' }) overdue!: number;
  @ApiProperty() withdrawn!: number;
}

/** GET /campaigns/{campaignId}/reports: unit × report with each duty's status, submission and timeliness. */
export class CampaignReportsDto implements CampaignReportsView {
  @ApiProperty() campaignId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty() today!: string;
  @ApiProperty({ type: () => [CampaignReportColumnDto] }) columns!: CampaignReportColumnDto[];
  @ApiProperty({ type: () => [CampaignReportUnitDto] }) units!: CampaignReportUnitDto[];
  @ApiProperty({ type: () => CampaignReportTotalsDto }) totals!: CampaignReportTotalsDto;
}
