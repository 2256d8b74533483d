import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { nullableEnum } from '@bihuan/platform';
import { CausedBy, ETHICS_SOURCE_KINDS, VETO_ITEMS } from '../domain/ethics-values';
import { EthicsArchiveRow, EthicsFileRow, EthicsRecordRow } from '../read-models/ethics.queries';
import { StaffListEntryRow } from '../read-models/staff-lists.queries';
import { STAFF_LISTS, StaffList, StaffListEntryStatus } from '../domain/archive/staff-lists';

/** An archive as lists and details answer it: with the lists (红黑榜) its staff member is on now, as the reader may see them. */
export type EthicsArchiveListed = EthicsArchiveRow & { readonly lists: StaffList[] };

/** 医德档案 of one staff member (without its records). */
export class EthicsArchiveDto implements EthicsArchiveListed {
  @ApiProperty() staffId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ description: 'Opened by a record’s first arrival (a saga), not by a person' }) implicit!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({
    enum: STAFF_LISTS,
    isArray: true,
    description: 'The 红黑榜 the staff member is on now: the black list for commission readers only (hospitals never see it)',
  })
  lists!: StaffList[];
}

export class EthicsArchiveListDto {
  @ApiProperty({ type: [EthicsArchiveDto] }) archives!: EthicsArchiveDto[];
}

/**
 * The event that caused a record, when a saga or a linked case added it; null when a person added it.
 * Inline rather than a nullable reference: OpenAPI 3.0's `nullable` does not reach into an `allOf`
 * reference, so a validator would refuse the null.
 */
const CAUSED_BY_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  description: 'The event that caused the record (a saga or a linked case); null when a person added it',
  properties: {
    stream: { type: 'string', nullable: true, example: 'complaintTicket-T1' },
    eventId: { type: 'string' },
  },
  required: ['stream', 'eventId'],
};

export class EthicsRecordDto implements EthicsRecordRow {
  @ApiProperty() recordId!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: ETHICS_SOURCE_KINDS }) sourceKind!: string;
  @ApiProperty({ nullable: true, type: String }) recordKind!: string | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String], description: 'SM3 digests of the archive’s files (free text in records from before)' })
  evidence!: string[];
  @ApiProperty({ description: 'Negative: a deduction; positive: an addition' }) points!: number;
  @ApiProperty(nullableEnum(VETO_ITEMS)) vetoItem!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() year!: number;
  @ApiProperty(CAUSED_BY_SCHEMA) causedBy!: CausedBy | null;
  @ApiProperty() addedBy!: string;
  @ApiProperty() retracted!: boolean;
  @ApiProperty({ nullable: true, type: String }) retractReason!: string | null;
}

export class EthicsFileDto implements EthicsFileRow {
  @ApiProperty({ description: 'SM3 of the file, 64 hex digits' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() attachedBy!: string;
}

/** A 红黑榜 entry of the staff member (black ones for commission readers only). */
export class EthicsListEntryDto implements StaffListEntryRow {
  @ApiProperty() entryId!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: STAFF_LISTS }) list!: StaffList;
  @ApiProperty({ description: '列入事由' }) reason!: string;
  @ApiProperty({ type: [String], description: 'Records of the archive the listing rests on' }) recordIds!: string[];
  @ApiProperty({ format: 'date-time' }) listedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it comes off the list (by a deadline timer)' }) expiresAt!: string;
  @ApiProperty() listedBy!: string;
  @ApiProperty({ enum: ['active', 'expired', 'removed'] }) status!: StaffListEntryStatus;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was taken off early' }) endReason!: string | null;
}

/** GET /ethics/archives/{staffId}: the archive with its records (retracted ones flagged), files and list entries. */
export class EthicsArchiveDetailDto extends EthicsArchiveDto {
  @ApiProperty({ type: [EthicsRecordDto] }) records!: EthicsRecordDto[];
  @ApiProperty({ type: [EthicsFileDto] }) files!: EthicsFileDto[];
  @ApiProperty({ type: [EthicsListEntryDto], description: '红黑榜 entries, newest first, as the reader may see them' })
  listEntries!: EthicsListEntryDto[];
}
