import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageCursor, PageSize } from '@bihuan/platform';
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, ReferralOutcome } from '../domain/referral-values';

export const REFERRAL_ID_MAX = 200;
/** A case stream a referral names: `finding-…`, `complaintTicket-…` or `ethicsArchive-…` (the decider checks the category). */
const STREAM = /^[A-Za-z][A-Za-z0-9_]*-[A-Za-z0-9._:-]{1,200}$/;
const DIGEST = /^[0-9a-f]{64}$/;

/** 移交: the case, the partner agency, and why. */
export class ReferCaseDto {
  @ApiProperty({
    example: 'finding-0190f3a2',
    description: 'The case referred: a finding, complaint or ethics archive stream the caller may read',
  })
  @IsString()
  @Matches(STREAM, { message: 'sourceStream must be a case stream (<category>-<id>)' })
  sourceStream!: string;

  @ApiProperty({ example: 'agency-city-a-police', maxLength: 64, description: 'A partner agency of the directory (unit kind agency)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agencyId!: string;

  @ApiProperty({ maxLength: 2000, example: '涉嫌欺诈骗保，依规移送公安机关' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** 反馈处理结果: what the agency did, in its words, citing the documents it uploaded. */
export class RecordReferralOutcomeDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  @IsIn(REFERRAL_OUTCOMES)
  outcome!: ReferralOutcome;

  @ApiProperty({ maxLength: 5000, example: '已立案侦查，案号甲公刑〔2025〕88号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;

  @ApiPropertyOptional({ type: [String], description: 'SM3 digests of documents uploaded to this referral (POST …/evidence)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DIGEST, { each: true, message: 'each evidence item must be the SM3 digest of an uploaded file' })
  evidence?: string[];
}

export class CloseReferralDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The text field of an outcome document upload (multipart, beside the file in `file`). */
export class AttachReferralEvidenceDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListReferralsQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Only referrals of this case stream' })
  @IsOptional()
  @IsString()
  @Matches(STREAM, { message: 'sourceStream must be a case stream (<category>-<id>)' })
  sourceStream?: string;
}

export class ReferralParamDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(REFERRAL_ID_MAX) referralId!: string;
}

export class ReferralFileParamDto extends ReferralParamDto {
  @ApiProperty({ description: 'SM3 of the file (64 lowercase hex digits)' })
  @Matches(DIGEST, { message: 'digest must be 64 lowercase hex digits' })
  digest!: string;
}
