import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ESCALATION_RUNGS,
  EscalationRung,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  FindingCategory,
  RECHECK_STATUS_LABELS,
  REQUIRED_ACTIONS,
  RequiredAction,
  SEVERITIES,
  Severity,
  VISIT_KINDS,
  VisitKind,
} from '../domain';
import { LedgerView } from '../application';
import { CountRow, CrossCountRow, LedgerCounts, LedgerRow, MonthCountRow } from '../read-models';
import { InspectionLedgerSummaryDto, InspectionVisitDto } from './visit.response';

export class InspectionPendingExtensionRefDto {
  @ApiProperty() extensionId!: string;
  @ApiProperty({ type: String, nullable: true }) requestedDueAt!: string | null;
}

/** One row of the rectification ledger (整改台账). */
export class InspectionLedgerRowDto implements LedgerRow {
  @ApiProperty({ description: '序号 within the list it is returned in (1-based)' }) seq!: number;
  @ApiProperty() findingId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty() visitId!: string;
  @ApiProperty({ enum: VISIT_KINDS }) visitKind!: VisitKind;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ enum: FINDING_CATEGORIES }) category!: FindingCategory;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ description: '问题' }) description!: string;
  @ApiProperty({ type: [String] }) evidence!: string[];
  @ApiProperty({ description: 'Files attached to the finding' }) evidenceFiles!: number;
  @ApiProperty({ enum: REQUIRED_ACTIONS }) requiredAction!: RequiredAction;
  @ApiProperty({ type: String, nullable: true, description: '整改措施' }) measures!: string | null;
  @ApiProperty() responsibleDepartment!: string;
  @ApiProperty({ type: String, nullable: true }) responsiblePerson!: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedCompletion!: string | null;
  @ApiProperty({ type: String, nullable: true }) noticeNo!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '文号 of the printed 整改通知书' }) noticeDocumentNo!: string | null;
  @ApiProperty() round!: number;
  @ApiProperty({ type: String, nullable: true, description: '整改时限 (as extended)' }) deadline!: string | null;
  @ApiProperty() deadlineProvisional!: boolean;
  @ApiProperty({ type: String, nullable: true }) currentDueAt!: string | null;
  @ApiProperty() currentDueProvisional!: boolean;
  @ApiProperty({ type: String, nullable: true }) progressSummary!: string | null;
  @ApiProperty({ type: Number, nullable: true }) percentComplete!: number | null;
  @ApiProperty({ enum: FINDING_STATUSES }) status!: string;
  @ApiProperty({ enum: ESCALATION_RUNGS, nullable: true }) escalationRung!: EscalationRung | null;
  @ApiProperty({ type: Number, nullable: true }) escalationStep!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() signedOff!: boolean;
  @ApiProperty({ type: String, nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTime!: boolean | null;
  @ApiProperty({ enum: Object.keys(RECHECK_STATUS_LABELS) }) recheckStatus!: string;
  @ApiProperty({ type: String, nullable: true }) recheckDueAt!: string | null;
  @ApiProperty({ type: () => InspectionPendingExtensionRefDto, nullable: true })
  pendingExtension!: InspectionPendingExtensionRefDto | null;
  @ApiProperty() extensionsApproved!: number;
  @ApiProperty({ type: String, nullable: true }) withdrawnReason!: string | null;
  @ApiProperty() openedAt!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty() updatedAt!: string;
}

/** An institution's or a visit's ledger: rows (序号 1…n) and summary. */
export class InspectionLedgerDto implements LedgerView {
  @ApiProperty({ enum: ['institution', 'visit'] }) scope!: 'institution' | 'visit';
  @ApiProperty() institutionId!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty({ type: () => InspectionVisitDto, nullable: true, description: "The visit (a visit's ledger), else null" })
  visit!: InspectionVisitDto | null;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: () => [InspectionLedgerRowDto] }) rows!: InspectionLedgerRowDto[];
  @ApiProperty({ type: () => InspectionLedgerSummaryDto }) summary!: InspectionLedgerSummaryDto;
}

/** Counts of one group (an institution, a status, a category …). */
export class InspectionCountRowDto implements CountRow {
  @ApiProperty({ description: 'The group: institution id, status, category, severity or rung' }) key!: string;
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() signedOff!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() overdue!: number;
  @ApiPropertyOptional({ description: "For institutions: the unit's name" }) name?: string;
}

/** One cell of the institution × category table. */
export class InspectionCrossCountRowDto extends InspectionCountRowDto implements CrossCountRow {
  @ApiProperty({ enum: FINDING_CATEGORIES, description: 'The category; `key` is the institution' }) category!: FindingCategory;
}

/** One Beijing month of the trend. */
export class InspectionMonthCountDto implements MonthCountRow {
  @ApiProperty({ example: '2025-03', description: 'YYYY-MM, Asia/Shanghai' }) month!: string;
  @ApiProperty({ description: 'Rows opened in the month (within the period)' }) opened!: number;
  @ApiProperty({ description: 'Rows signed off in the month (within the period), as they stand now' }) signedOff!: number;
}

/** GET /ledgers/counts: totals and counts per group within the caller's jurisdiction. */
export class InspectionLedgerCountsDto implements LedgerCounts {
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() signedOff!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: () => [InspectionCountRowDto] }) byInstitution!: InspectionCountRowDto[];
  @ApiProperty({ type: () => [InspectionCountRowDto] }) byStatus!: InspectionCountRowDto[];
  @ApiProperty({ type: () => [InspectionCountRowDto] }) byCategory!: InspectionCountRowDto[];
  @ApiProperty({ type: () => [InspectionCountRowDto] }) bySeverity!: InspectionCountRowDto[];
  @ApiProperty({ type: () => [InspectionCountRowDto] }) byEscalationRung!: InspectionCountRowDto[];
  @ApiProperty({ type: () => [InspectionCrossCountRowDto], description: 'Institution × category: only the cells that have rows' })
  byInstitutionCategory!: InspectionCrossCountRowDto[];
  @ApiProperty({
    type: () => [InspectionMonthCountDto],
    description:
      'Opened and signed off per Beijing month, each row counted by its own date within from/to; no gaps between the first and last month',
  })
  byMonth!: InspectionMonthCountDto[];
  @ApiProperty() generatedAt!: string;
}
