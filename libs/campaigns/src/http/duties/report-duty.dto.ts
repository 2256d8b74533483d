import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageCursor, PageSize } from '@bihuan/platform';
import { REPORT_KINDS, ReportKind } from '../../domain/campaign-values';
import { REPORT_TEXT_MAX, REVIEW_TEXT_MAX } from '../../domain/duty/report-duty.decide';
import { REPORT_DUTY_STATUSES, ReportDutyStatus } from '../../domain/duty/report-duty-values';
import { CAMPAIGN_ID_MAX } from '../campaign.dto';

/** Longest note with an uploaded file. */
export const REPORT_NOTE_MAX = 500;
const DIGEST = /^[0-9a-f]{64}$/;

/** 报送: the report's text, citing files uploaded to the duty before (by digest). */
export class SubmitReportDto {
  @ApiProperty({ maxLength: REPORT_TEXT_MAX, example: '本月共开展科室自查12次，发现问题3项，已整改2项。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPORT_TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Digests (SM3, 64 hex) of files uploaded to this duty: POST /report-duties/{dutyId}/evidence',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(DIGEST, { each: true, message: 'each value in $property must be a file digest (64 lowercase hex digits)' })
  evidence?: string[];
}

export class AcceptReportDto {
  @ApiPropertyOptional({ maxLength: REVIEW_TEXT_MAX, example: '材料齐全，予以通过' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  comment?: string;
}

export class ReturnReportDto {
  @ApiProperty({ maxLength: REVIEW_TEXT_MAX, example: '未附自查台账，请补充后重新报送' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_TEXT_MAX)
  reason!: string;
}

/** The text field of a file upload (multipart, beside the file in field `file`). */
export class ReportEvidenceNoteDto {
  @ApiPropertyOptional({ maxLength: REPORT_NOTE_MAX, example: '自查台账（盖章扫描件）' })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX)
  note?: string;
}

/** The multipart form's text fields, for OpenAPI (@FileUpload), as the DTO validates them. */
export const REPORT_EVIDENCE_FORM_FIELDS = {
  note: { type: 'string', maxLength: REPORT_NOTE_MAX, description: 'A short note on the file' },
} as const;

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ListReportDutiesQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;

  @ApiPropertyOptional({ description: 'Only the duties of this campaign' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_ID_MAX)
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Only the duties owed by this institution' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_ID_MAX)
  institutionId?: string;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({ enum: REPORT_DUTY_STATUSES })
  @IsOptional()
  @IsIn(REPORT_DUTY_STATUSES)
  status?: ReportDutyStatus;

  @ApiPropertyOptional({ description: 'true: only reports still owed past their due instant (against the clock now); false: the others' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}
