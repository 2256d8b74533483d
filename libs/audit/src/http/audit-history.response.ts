import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_STATUSES, EventMetadata } from '@bihuan/core';
import { AsOf, StoredForm } from '@bihuan/event-store';
import { ActorDto, FREE_OBJECT } from '@bihuan/platform';
import { CaseStreamSpan } from '../case-index/case-links';
import { CaseInstant, CauseRef, DeadlineSnapshot, HistoryEntry, HistoryPage } from '../history/case-history.types';
import { CaseInstants, CaseState } from '../application/audit-read.service';

/** A past instant the answer was read at: a log position, or a recording time (one of the two). */
export class AuditAsOfDto {
  @ApiPropertyOptional({ description: 'The log as it stood when it held this position' }) position?: number;
  @ApiPropertyOptional({ description: 'The log as it stood at this instant (ISO-8601)' }) recordedAt?: string;
}

/** One stream of the case and how far it goes. */
export class AuditStreamSpanDto implements CaseStreamSpan {
  @ApiProperty() stream!: string;
  @ApiProperty() lastRevision!: number;
  @ApiProperty() lastPosition!: number;
  @ApiProperty({ description: 'Events of the stream that belong to the case (the rest are context)' }) linkedEvents!: number;
}

/** The event that caused an entry, as far as the log records it. */
export class AuditCauseRefDto implements CauseRef {
  @ApiProperty() eventId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty() type!: string;
  @ApiProperty() position!: number;
}

/** A deadline of the entry's stream right after the entry. */
export class AuditDeadlineSnapshotDto implements DeadlineSnapshot {
  @ApiProperty() deadlineId!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES.filter((s) => s !== 'cleared') }) status!: DeadlineSnapshot['status'];
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: "Counted over a year without the State Council's notice" }) provisional!: boolean;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: [String] }) warned!: string[];
  @ApiPropertyOptional({ description: 'What the deadline is for, in Chinese (整改时限)' }) label?: string;
}

/** The envelope of a stored event (what the hash covers beside the data). */
export class AuditEventMetadataDto implements EventMetadata {
  @ApiProperty() eventId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  @ApiProperty({ type: () => ActorDto }) actor!: ActorDto;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: String, nullable: true, description: 'SM3 of the previous event of the stream' }) prevHash!: string | null;
  @ApiProperty({ description: 'SM3 of this event (canonical form)' }) hash!: string;
}

/** An upcast event's data and version as stored (the hash covers them). */
export class AuditStoredFormDto implements StoredForm {
  @ApiProperty(FREE_OBJECT) data!: object;
  @ApiProperty() schemaVersion!: number;
}

/** One line of a case's merged timeline. */
export class AuditHistoryEntryDto implements HistoryEntry {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'The data as the reader may see it (personal data redacted)' }) data!: object;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: () => ActorDto }) actor!: ActorDto;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: () => AuditCauseRefDto, nullable: true }) causedBy!: AuditCauseRefDto | null;
  @ApiPropertyOptional({
    type: () => AuditCauseRefDto,
    nullable: true,
    description: 'The cause as people read it: causedBy followed past folded bookkeeping (saga records, deadline events) to a case event',
  })
  origin?: AuditCauseRefDto | null;
  @ApiProperty() hash!: string;
  @ApiProperty({ description: "False for context events: in a linked stream but not this case's" }) linked!: boolean;
  @ApiProperty({ type: () => [AuditDeadlineSnapshotDto] }) deadlines!: AuditDeadlineSnapshotDto[];
  @ApiProperty({ type: () => AuditEventMetadataDto }) metadata!: AuditEventMetadataDto;
  @ApiPropertyOptional({ type: () => AuditStoredFormDto, description: "An upcast event's data as stored" }) stored?: AuditStoredFormDto;
  @ApiPropertyOptional({ description: 'One line in Chinese for people' }) summary?: string;
}

/** GET /audit/cases/{stream}/history: a page of the merged timeline. */
export class AuditHistoryPageDto implements HistoryPage {
  @ApiProperty({ description: 'The root stream of the case' }) root!: string;
  @ApiProperty({ type: () => AuditAsOfDto, nullable: true }) asOf!: AsOf | null;
  @ApiProperty({ type: () => [AuditStreamSpanDto] }) streams!: AuditStreamSpanDto[];
  @ApiPropertyOptional({ description: 'Linked streams the reader may not open (left out)' }) withheldStreams?: number;
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() pages!: number;
  @ApiPropertyOptional({ description: 'Events folded away (absent with ?all=true)' }) folded?: number;
  @ApiProperty({ type: () => [AuditHistoryEntryDto] }) entries!: AuditHistoryEntryDto[];
}

/** GET /audit/cases/{stream}/state: the stream's state folded with its decider up to an instant. */
export class AuditCaseStateDto implements CaseState {
  @ApiProperty() stream!: string;
  @ApiProperty({ type: () => AuditAsOfDto }) asOf!: AsOf;
  @ApiProperty({ ...FREE_OBJECT, description: "The decider's state (its shape is the stream category's)" }) state!: unknown;
  @ApiProperty({ description: 'Events folded' }) events!: number;
  @ApiProperty({ type: Number, nullable: true }) revision!: number | null;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
}

/** One event of the case's timeline without its data. */
export class AuditCaseInstantDto implements CaseInstant {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty() type!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() occurredAt!: string;
}

/** GET /audit/cases/{stream}/instants: every event of the timeline, in its order, folded like the history. */
export class AuditCaseInstantsDto implements CaseInstants {
  @ApiProperty() root!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: () => [AuditCaseInstantDto] }) instants!: AuditCaseInstantDto[];
}
