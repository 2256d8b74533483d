import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_STATUSES } from '@bihuan/core';
import { EventEntryDto, FREE_OBJECT } from '@bihuan/platform';
import {
  ESCALATION_RUNGS,
  EscalationRung,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  FindingCategory,
  FindingFacts,
  FindingState,
  IssuedNoticeDocument,
  NOTICE_KINDS,
  NoticeKind,
  PendingExtension,
  RECHECK_STATUS_LABELS,
  REQUIRED_ACTIONS,
  RequiredAction,
  SEVERITIES,
  Severity,
  VISIT_KINDS,
  VisitKind,
} from '../domain';
import { DeadlineView, FindingDetail } from '../application';
import { InspectionLedgerRowDto } from './ledger.response';
import { InspectionAttachedFileDto } from './visit.response';

/** What the inspector recorded about the problem (问题). */
export class InspectionFindingFactsDto implements FindingFacts {
  @ApiProperty() findingId!: string;
  @ApiProperty() visitId!: string;
  @ApiProperty({ enum: VISIT_KINDS }) visitKind!: VisitKind;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ enum: FINDING_CATEGORIES }) category!: FindingCategory;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) evidence!: string[];
  @ApiProperty() responsibleDepartment!: string;
  @ApiProperty({ type: String, nullable: true }) responsiblePerson!: string | null;
  @ApiProperty({ enum: REQUIRED_ACTIONS }) requiredAction!: RequiredAction;
}

/** One deadline of the finding as its stream keeps it. */
export class InspectionDeadlineDto implements DeadlineView {
  @ApiProperty() deadlineId!: string;
  @ApiProperty({ example: 'rectification' }) purpose!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() workingDays!: number;
  @ApiProperty({ description: 'Calendar version the current dueAt was counted with' }) calendarVersion!: string;
  @ApiProperty({ description: "Counted over a year without the State Council's notice (docs/calendar.md)" }) provisional!: boolean;
  @ApiProperty({ type: [String] }) warnAt!: string[];
  @ApiProperty({ type: [String] }) warned!: string[];
  @ApiProperty({ ...FREE_OBJECT, description: 'The policy figures the deadline was set under' }) policy!: Record<string, unknown>;
}

export class InspectionPendingExtensionDto implements PendingExtension {
  @ApiProperty() extensionId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedDueAt!: string;
}

export class InspectionEscalationDto {
  @ApiProperty({ enum: ESCALATION_RUNGS }) rung!: EscalationRung;
  @ApiProperty() step!: number;
}

export class InspectionNoticeDocumentRefDto implements IssuedNoticeDocument {
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty() step!: number;
  @ApiProperty() documentNo!: string;
}

type Rectification = FindingDetail['rectification'];

/** The current rectification round. */
export class InspectionRectificationRoundDto implements Rectification {
  @ApiProperty() round!: number;
  @ApiProperty({ type: String, nullable: true }) currentDeadlineId!: string | null;
  @ApiProperty() planRevision!: number;
  @ApiProperty() progressReports!: number;
  @ApiProperty({ type: [String], description: 'Evidence cited by the hospital in this round (file digests)' }) evidence!: string[];
  @ApiProperty({ type: () => InspectionEscalationDto, nullable: true }) escalation!: InspectionEscalationDto | null;
  @ApiProperty() approvedExtensions!: number;
  @ApiProperty({ type: () => InspectionPendingExtensionDto, nullable: true }) pendingExtension!: InspectionPendingExtensionDto | null;
  @ApiProperty() rejections!: number;
  @ApiProperty({ type: () => [InspectionNoticeDocumentRefDto] }) noticeDocuments!: InspectionNoticeDocumentRefDto[];
}

/** GET /findings/{findingId}: the finding as its stream says now. */
export class InspectionFindingDetailDto implements FindingDetail {
  @ApiProperty() findingId!: string;
  @ApiProperty({ enum: FINDING_STATUSES }) status!: FindingState['status'];
  @ApiProperty({ type: () => InspectionFindingFactsDto }) finding!: InspectionFindingFactsDto;
  @ApiProperty({ type: () => InspectionRectificationRoundDto }) rectification!: InspectionRectificationRoundDto;
  @ApiProperty({ type: () => InspectionDeadlineDto, nullable: true }) currentDeadline!: InspectionDeadlineDto | null;
  @ApiProperty({ type: () => [InspectionDeadlineDto] }) deadlines!: InspectionDeadlineDto[];
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ enum: Object.keys(RECHECK_STATUS_LABELS), nullable: true, description: '回头看 status once signed off' })
  recheck!: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnReason!: string | null;
  @ApiProperty({ type: () => InspectionLedgerRowDto, nullable: true }) ledger!: InspectionLedgerRowDto | null;
  @ApiProperty({ type: () => [InspectionAttachedFileDto] }) files!: InspectionAttachedFileDto[];
}

/** GET /findings/{findingId}/history: the finding's events, each with its summary. */
export class InspectionFindingHistoryDto {
  @ApiProperty() findingId!: string;
  @ApiProperty({ type: () => [EventEntryDto] }) entries!: EventEntryDto[];
}
