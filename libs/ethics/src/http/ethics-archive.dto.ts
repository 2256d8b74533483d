import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ETHICS_SOURCE_KINDS, EthicsSourceKind, VETO_ITEMS, VetoItem } from '../domain/ethics-values';
import { IsInstant, OptionalIdList } from '@bihuan/platform';
import { STAFF_LISTS, StaffList } from '../domain/archive/staff-lists';

const ID = 64;

export class OpenEthicsArchiveDto {
  @ApiProperty({ maxLength: ID }) @IsString() @IsNotEmpty() @MaxLength(ID) staffId!: string;
  @ApiProperty({ maxLength: ID }) @IsString() @IsNotEmpty() @MaxLength(ID) institutionId!: string;
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @MaxLength(ID) departmentId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

export class EthicsSourceDto {
  @ApiProperty({ enum: ETHICS_SOURCE_KINDS }) @IsIn(ETHICS_SOURCE_KINDS) kind!: EthicsSourceKind;
  @ApiPropertyOptional({ maxLength: 200, description: 'Questionnaire batch, letter number …' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ref?: string;
}

export class AddEthicsRecordDto {
  @ApiPropertyOptional({ maxLength: ID, description: 'Idempotency key; generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  recordId?: string;
  @ApiProperty({ maxLength: ID }) @IsString() @IsNotEmpty() @MaxLength(ID) institutionId!: string;
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @MaxLength(ID) departmentId?: string;
  @ApiProperty({ type: EthicsSourceDto }) @ValidateNested() @Type(() => EthicsSourceDto) source!: EthicsSourceDto;
  @ApiPropertyOptional({ maxLength: 64, example: 'complaint-substantiated' }) @IsOptional() @IsString() @MaxLength(64) recordKind?: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) category?: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) summary!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'SM3 digests of files attached to this archive first (POST …/evidence), up to 20',
    example: ['0a1b…(64 hex)'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  evidence?: string[];
  @ApiPropertyOptional({ minimum: -30, maximum: 10 }) @IsOptional() @IsNumber() @Min(-100) @Max(100) points?: number;
  @ApiPropertyOptional({ enum: VETO_ITEMS }) @IsOptional() @IsIn(VETO_ITEMS) vetoItem?: VetoItem;
  @ApiProperty({ example: '2025-03-01T02:00:00.000Z' }) @IsInstant() occurredAt!: string;
}

export class RetractEthicsRecordDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

/** The text fields of an archive upload (the file itself is the form's `file`). */
export class AttachEthicsEvidenceDto {
  @ApiProperty({ maxLength: ID, description: 'The institution the staff member works at (as for a record)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  institutionId!: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** 红黑榜: a staff member on the red or the black list until `expiresAt`. */
export class EthicsAddListEntryDto {
  @ApiPropertyOptional({ maxLength: ID, description: 'Idempotency key; generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  entryId?: string;
  @ApiProperty({ maxLength: ID, description: 'The institution the staff member works at (as for a record)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  institutionId!: string;
  @ApiProperty({ enum: STAFF_LISTS, description: 'red 红榜 (hospital, inspector, leader) / black 黑榜 (inspector, leader)' })
  @IsIn(STAFF_LISTS)
  list!: StaffList;
  @ApiProperty({ maxLength: 1000, description: '列入事由' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @ApiProperty({ description: 'When the entry comes off the list (a deadline timer); after now' }) @IsInstant() expiresAt!: string;
  @OptionalIdList(ID, { type: [String], description: 'Records of this archive the listing rests on (none retracted)' })
  recordIds?: string[];
}

export class EthicsListRemovalDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}
