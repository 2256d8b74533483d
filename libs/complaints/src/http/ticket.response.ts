import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { nullableEnum } from '@bihuan/platform';
import { COMPLAINT_STATUS_LABELS } from '../domain/complaint-labels';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_COMPLEXITIES,
  COMPLAINT_DECISIONS,
  DECLINE_GROUNDS,
  SATISFACTION_RATINGS,
} from '../domain/complaint-vocabulary';
import { TicketDetail, TicketHistoryEntry, TicketListItem } from '../read-models/ticket-views';

/** The ticket statuses a reader can meet (`none` is never answered). */
export const COMPLAINT_TICKET_STATUSES = Object.keys(COMPLAINT_STATUS_LABELS);
const CLOSE_OUTCOMES = ['resolved-on-the-spot', 'answered'];
const nullableText = { nullable: true, type: String } as const;
const nullableFlag = { nullable: true, type: Boolean } as const;

/** Commission staff only: how the complainant came forward (never who they are). */
export class ComplaintComplainantSummaryDto {
  @ApiProperty({ enum: ['anonymous', 'named'] }) kind!: string;
  @ApiProperty({ ...nullableText, description: 'Key-store subject of a named complainant' }) subjectId!: string | null;
}

/** A row of GET /complaints. */
export class ComplaintTicketDto implements TicketListItem {
  @ApiProperty() ticketId!: string;
  @ApiProperty({ example: 'K7Q2-M9XD' }) ticketCode!: string;
  @ApiProperty({ enum: COMPLAINT_TICKET_STATUSES }) status!: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel!: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty({ description: 'The owner now (首诉负责): the unit that received it, or the commission a hospital escalated it to' })
  receivingUnit!: string;
  @ApiProperty({ description: 'The unit that first received it: a commission, or an institution’s own complaint office' })
  receivedBy!: string;
  @ApiProperty({ ...nullableText, description: 'The institution handling it, once dispatched' }) institutionId!: string | null;
  @ApiProperty({ description: 'Handling round (1, then +1 on each reopen or return)' }) round!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty(nullableText) acknowledgeDueAt!: string | null;
  @ApiProperty({ description: 'Counted over a year whose official holidays are not yet published' }) acknowledgeDueProvisional!: boolean;
  @ApiProperty(nullableText) answerDueAt!: string | null;
  @ApiProperty() answerDueProvisional!: boolean;
  @ApiProperty(nullableText) answeredAt!: string | null;
  @ApiProperty(nullableText) closedAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'The clock is paused for the complainant’s reply' }) waitingOnComplainant!: boolean;
  @ApiProperty(nullableText) supervisedAt!: string | null;
  @ApiProperty(nullableText) publiclyNoticedAt!: string | null;
  @ApiProperty(nullableEnum(COMPLAINT_DECISIONS)) decision!: string | null;
  @ApiProperty(nullableEnum(SATISFACTION_RATINGS)) rating!: string | null;
  @ApiPropertyOptional({ type: () => ComplaintComplainantSummaryDto, description: 'Commission staff only (never for hospitals)' })
  complainant?: ComplaintComplainantSummaryDto;
}

export class ComplaintHistoryActorDto {
  @ApiProperty() id!: string;
  @ApiProperty() role!: string;
  @ApiProperty() unit!: string;
}

/** One event of a ticket's history, as this reader may see its data. */
export class ComplaintHistoryEntryDto implements TicketHistoryEntry {
  @ApiProperty({ description: 'Position in the ticket’s stream' }) position!: number;
  @ApiProperty({ example: 'ComplaintDispatched' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: () => ComplaintHistoryActorDto }) actor!: ComplaintHistoryActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s data (per event type)' })
  data!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The Chinese one-line summary' }) summary?: string;
}

/** GET /complaints/{id}: the ticket with its history (never the complainant’s identity). */
export class ComplaintTicketDetailDto extends ComplaintTicketDto implements TicketDetail {
  @ApiProperty() description!: string;
  @ApiProperty(nullableText) concernedInstitutionId!: string | null;
  @ApiProperty({ type: [String] }) departmentIds!: string[];
  @ApiProperty(nullableEnum(COMPLAINT_COMPLEXITIES)) complexity!: string | null;
  @ApiProperty(nullableText) staffId!: string | null;
  @ApiProperty(nullableText) externalReference!: string | null;
  @ApiProperty(nullableText) resolution!: string | null;
  @ApiProperty({ ...nullableText, description: '上报卫健委 by the hospital that received it' }) escalatedAt!: string | null;
  @ApiProperty(nullableText) escalationReason!: string | null;
  @ApiProperty(nullableText) dispatchedAt!: string | null;
  @ApiProperty(nullableText) acknowledgedAt!: string | null;
  @ApiProperty(nullableFlag) acknowledgedOnTime!: boolean | null;
  @ApiProperty(nullableText) decidedAt!: string | null;
  @ApiProperty(nullableText) findings!: string | null;
  @ApiProperty(nullableText) implicatedStaffId!: string | null;
  @ApiProperty(nullableText) answer!: string | null;
  @ApiProperty(nullableFlag) answeredOnTime!: boolean | null;
  @ApiProperty(nullableText) followedUpAt!: string | null;
  @ApiProperty(nullableEnum(CLOSE_OUTCOMES)) closeOutcome!: string | null;
  @ApiProperty(nullableText) closeReason!: string | null;
  @ApiProperty(nullableText) declinedAt!: string | null;
  @ApiProperty(nullableEnum(DECLINE_GROUNDS)) declineGround!: string | null;
  @ApiProperty(nullableText) declineReason!: string | null;
  @ApiProperty(nullableText) supervisionDueAt!: string | null;
  @ApiProperty() supervisionDueProvisional!: boolean;
  @ApiProperty() extensionPending!: boolean;
  @ApiProperty() reminders!: number;
  @ApiProperty() returns!: number;
  @ApiProperty() reopens!: number;
  @ApiProperty(nullableText) lastReturnReason!: string | null;
  @ApiProperty({ type: [ComplaintHistoryEntryDto] }) history!: ComplaintHistoryEntryDto[];
}
