import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { nullableEnum } from '@bihuan/platform';
import { CausedBy, ETHICS_SOURCE_KINDS, VETO_ITEMS } from '../domain/ethics-values';
import { EthicsArchiveRow, EthicsFileRow, EthicsRecordRow } from '../read-models/ethics.queries';

/** 医德档案 of one staff member (without its records). */
export class EthicsArchiveDto implements EthicsArchiveRow {
  @ApiProperty() staffId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ description: 'Opened by a record’s first arrival (a saga), not by a person' }) implicit!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
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

/** GET /ethics/archives/{staffId}: the archive with its records (retracted ones flagged) and files. */
export class EthicsArchiveDetailDto extends EthicsArchiveDto {
  @ApiProperty({ type: [EthicsRecordDto] }) records!: EthicsRecordDto[];
  @ApiProperty({ type: [EthicsFileDto] }) files!: EthicsFileDto[];
}
