import { BeijingDateQuery, IsCreditCode, IsInstant, PageCursor, PageSize } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';
import { isValidCreditCode, isValidResidentId, normaliseIdentifier } from '@bihuan/core';
import { CREDIT_CHECK_PURPOSES, CREDIT_SUBJECT_KINDS, CreditCheckPurpose, CreditSubjectKind } from '../domain/credit-values';

/**
 * The identifier of the applicant the body's `subjectKind` names: a 统一社会信用代码 (GB 32100) for
 * an organisation, a 居民身份证号 (GB 11643) for a person, each with its check character (spaces
 * around and a lower-case x are accepted). A 400 names `identifier` and writes nothing.
 */
function IsApplicantIdentifier(): PropertyDecorator {
  return ValidateBy({
    name: 'isApplicantIdentifier',
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        if (typeof value !== 'string') return false;
        const kind = (args?.object as { subjectKind?: unknown } | undefined)?.subjectKind;
        const id = normaliseIdentifier(value);
        return kind === 'person' ? isValidResidentId(id) : isValidCreditCode(id);
      },
      defaultMessage: () =>
        '$property must be a unified social credit code (organisation) or a resident ID number (person) with a valid check character',
    },
  });
}

/** Who the applicant is. */
class CreditApplicantDto {
  @ApiProperty({ enum: CREDIT_SUBJECT_KINDS, description: 'organisation: 法人和其他组织; person: 自然人' })
  @IsIn(CREDIT_SUBJECT_KINDS)
  subjectKind!: CreditSubjectKind;

  @ApiProperty({
    maxLength: 40,
    example: '91330100799655058B',
    description:
      '统一社会信用代码 (organisation) or 居民身份证号 (person), check character verified; a person’s number is kept only sealed',
  })
  @IsString()
  @MaxLength(40)
  @IsApplicantIdentifier()
  identifier!: string;

  @ApiProperty({ enum: CREDIT_CHECK_PURPOSES, description: '核查事由: the licensing procedure' })
  @IsIn(CREDIT_CHECK_PURPOSES)
  purpose!: CreditCheckPurpose;

  @ApiProperty({ maxLength: 100, description: 'The office’s reference of the application (受理编号)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicationRef!: string;
}

/** POST /credit/checks. */
export class CreditCheckDto extends CreditApplicantDto {}

/** POST /credit/subjects/false-material: the applicant supplied false material (提供虚假材料). */
export class CreditFalseMaterialDto extends CreditApplicantDto {
  @ApiPropertyOptional({ maxLength: 64, description: 'Idempotency key of the finding; generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  findingId?: string;

  @ApiProperty({ maxLength: 4000, description: 'What was false (it is kept in clear: name no person in it)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ description: 'When the false material was supplied' }) @IsInstant() occurredAt!: string;
}

/** GET /credit/checks: a page of the checks of the reader's offices, narrowed by what the list shows. */
export class CreditCheckListQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;

  @ApiPropertyOptional({ enum: CREDIT_SUBJECT_KINDS })
  @IsOptional()
  @IsIn(CREDIT_SUBJECT_KINDS)
  subjectKind?: CreditSubjectKind;

  @ApiPropertyOptional({ enum: CREDIT_CHECK_PURPOSES })
  @IsOptional()
  @IsIn(CREDIT_CHECK_PURPOSES)
  purpose?: CreditCheckPurpose;

  /** An organisation's code only: a person is found by nothing in the list (ADR 0019). */
  @ApiPropertyOptional({ example: '91330100799655058B', description: 'The checks of the organisation with this 统一社会信用代码' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseIdentifier(value) : value))
  @IsCreditCode()
  creditCode?: string;

  @BeijingDateQuery('Checked on or after this date (Asia/Shanghai)', '2025-03-01')
  from?: string;

  @BeijingDateQuery('Checked on or before this date (Asia/Shanghai)', '2025-03-31')
  to?: string;
}
