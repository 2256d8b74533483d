import { EvidenceDigestList, EvidenceList, IsCreditCode, IsInstant } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { COMMITMENT_KINDS, CommitmentKind, CREDIT_INFO_CLASSES, CREDIT_LISTS, CreditInfoClass, CreditList } from '../domain/credit-values';

const ID = 64;

export class OpenCreditArchiveDto {
  @ApiProperty({ maxLength: ID }) @IsString() @IsNotEmpty() @MaxLength(ID) institutionId!: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) responsiblePerson?: string;
  @ApiPropertyOptional({ description: 'Start of the first 校验期; now when absent' })
  @IsOptional()
  @IsInstant()
  cycleStartedAt?: string;
}

export class AddCreditPointsDto {
  @ApiPropertyOptional({ maxLength: ID, description: 'Idempotency key; generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  pointsId?: string;
  @ApiProperty({ maxLength: 64, example: 'red-envelopes', description: 'Behaviour code (CreditPolicy.behaviourPoints)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  behaviour!: string;
  @ApiPropertyOptional({ enum: [1, 2, 4, 6, 12], description: 'Only for an unlisted behaviour' })
  @IsOptional()
  @IsIn([1, 2, 4, 6, 12])
  points?: number;
  @ApiProperty() @IsInstant() occurredAt!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) summary?: string;
}

export class CreditReasonDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

/** The supplier of a 廉洁诚信协议 (not in the directory). */
export class CreditSupplierDto {
  @ApiProperty({ maxLength: 200, example: '某某医药有限公司' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: '91330100799655058B', description: '统一社会信用代码 (GB 32100 check character)' })
  @IsCreditCode()
  creditCode!: string;
}

export class PledgeCommitmentDto {
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(ID) commitmentId?: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) @IsIn(COMMITMENT_KINDS) kind!: CommitmentKind;
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @MaxLength(ID) staffId?: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) text!: string;
  @ApiProperty({ description: 'When it was pledged or, for an agreement, signed' }) @IsInstant() pledgedAt!: string;
  @ApiPropertyOptional({ type: () => CreditSupplierDto, description: 'supplier-integrity only (required there)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditSupplierDto)
  supplier?: CreditSupplierDto;
  @ApiPropertyOptional({ description: 'supplier-integrity only (required there): the end of the agreement’s term, after pledgedAt' })
  @IsOptional()
  @IsInstant()
  validUntil?: string;
  /** supplier-integrity only: the signed agreement, attached to the archive first (POST …/evidence). */
  @EvidenceDigestList() evidence?: string[];
}

export class ReportBreachDto {
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(ID) breachId?: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @EvidenceList() evidence?: string[];
  @ApiProperty() @IsInstant() occurredAt!: string;
}

export class RecordInformationDto {
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(ID) recordId?: string;
  @ApiProperty({ enum: CREDIT_INFO_CLASSES }) @IsIn(CREDIT_INFO_CLASSES) infoClass!: CreditInfoClass;
  @ApiProperty({ maxLength: 64, example: 'penalty' }) @IsString() @IsNotEmpty() @MaxLength(64) kind!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) content?: string;
  @ApiProperty() @IsInstant() occurredAt!: string;
}

export class AddListEntryDto {
  @ApiPropertyOptional({ maxLength: ID }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(ID) entryId?: string;
  @ApiProperty({ enum: CREDIT_LISTS }) @IsIn(CREDIT_LISTS) list!: CreditList;
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @ApiProperty({ description: 'When the entry comes off the list (a deadline timer)' }) @IsInstant() expiresAt!: string;
}

/** The text fields of a credit archive upload (the file itself is the form's `file`). */
export class CreditEvidenceDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** 表彰: a commission's commendation of the institution, or of one of its departments (科室). */
export class CreditCommendationDto {
  @ApiPropertyOptional({ maxLength: ID, description: 'Idempotency key; generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  recordId?: string;
  @ApiPropertyOptional({ maxLength: ID, description: 'The department (科室) commended; absent: the institution itself' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  departmentId?: string;
  @ApiProperty({ maxLength: 200, example: '心血管内科：优质服务示范科室' }) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ maxLength: 4000, description: '表彰事由' }) @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
  @ApiProperty({ description: 'The date of the commendation (通报表扬)' }) @IsInstant() commendedAt!: string;
}
