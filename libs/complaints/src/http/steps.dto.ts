import { OptionalIdList } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  COMPLAINT_COMPLEXITIES,
  COMPLAINT_DECISIONS,
  ComplaintComplexity,
  ComplaintDecision,
  DECLINE_GROUNDS,
  DeclineGround,
  SATISFACTION_RATINGS,
  SatisfactionRating,
} from '../domain/complaint-vocabulary';
import { ID_MAX, PUBLIC_TEXT_MAX, REASON_MAX, TEXT_MAX } from './intake.dto';

/** A required reason or note (plain text, no complainant identity). */
export class ComplaintReasonDto {
  @ApiProperty({ maxLength: REASON_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX)
  reason!: string;
}

export class ResolutionDto {
  @ApiProperty({ maxLength: REASON_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX)
  resolution!: string;
}

export class DispatchDto {
  @ApiProperty({ description: 'A known institution within your jurisdiction', maxLength: ID_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId!: string;

  @ApiProperty({ enum: COMPLAINT_COMPLEXITIES, description: 'simple: answer in 5 working days; complex: 10 (policy)' })
  @IsIn(COMPLAINT_COMPLEXITIES)
  complexity!: ComplaintComplexity;

  @OptionalIdList(ID_MAX, { type: [String], maxItems: 20 }) departmentIds?: string[];
}

export class DeclineDto extends ComplaintReasonDto {
  @ApiProperty({ enum: DECLINE_GROUNDS })
  @IsIn(DECLINE_GROUNDS)
  ground!: DeclineGround;
}

export class NoteDto {
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note!: string;
}

export class OptionalNoteDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: COMPLAINT_DECISIONS })
  @IsIn(COMPLAINT_DECISIONS)
  decision!: ComplaintDecision;

  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  findings!: string;

  @ApiPropertyOptional({ description: 'Staff member found responsible (only when substantiated)', maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  implicatedStaffId?: string;
}

export class AnswerDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'Shown to the complainant on the public status page' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  answer!: string;
}

export class ApproveExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 30, description: 'Working days added after the current answer due date' })
  @IsInt()
  @Min(1)
  @Max(30)
  extraWorkingDays!: number;
}

export class FollowUpDto {
  @ApiProperty({ enum: SATISFACTION_RATINGS })
  @IsIn(SATISFACTION_RATINGS)
  rating!: SatisfactionRating;

  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  comment?: string;
}

export class CloseDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX, description: 'Required without a follow-up or after dissatisfaction' })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  reason?: string;
}

export class ReopenDto extends ComplaintReasonDto {
  @ApiProperty({ enum: COMPLAINT_COMPLEXITIES })
  @IsIn(COMPLAINT_COMPLEXITIES)
  complexity!: ComplaintComplexity;
}

/** The complainant's secret, in the body (never in the URL). */
export class SecretDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  secret!: string;
}

export class PublicRatingDto extends SecretDto {
  @ApiProperty({ enum: SATISFACTION_RATINGS })
  @IsIn(SATISFACTION_RATINGS)
  rating!: SatisfactionRating;

  @ApiPropertyOptional({ maxLength: PUBLIC_TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(PUBLIC_TEXT_MAX)
  comment?: string;
}

export class PublicReplyDto extends SecretDto {
  @ApiPropertyOptional({ maxLength: PUBLIC_TEXT_MAX, description: 'Your answer to the question asked (no identity here)' })
  @IsOptional()
  @IsString()
  @MaxLength(PUBLIC_TEXT_MAX)
  note?: string;
}

export class EraseSubjectDto extends ComplaintReasonDto {}

/** The text field of a staff upload (the file itself is the form's `file`). */
export class EvidenceNoteDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'What the file is (never the complainant’s name or contacts)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The complainant's upload: the secret in the form (never in the URL), and an optional note. */
export class PublicEvidenceDto extends SecretDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
