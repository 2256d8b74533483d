import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EvidenceDigestList } from '@bihuan/platform';
import { RECHECK_OUTCOMES, RecheckOutcome } from '../domain';
import { ID_MAX, TEXT_MAX } from './visit.dto';

const DUE = 'A date (YYYY-MM-DD, meaning the end of that day in Asia/Shanghai) or an ISO-8601 instant; must be in the future';

/** Cited evidence: digests of files attached to this finding (POST /findings/{id}/evidence answers them). */
const Evidence = EvidenceDigestList;

export class IssueNoticeDto {
  @ApiPropertyOptional({ example: '整改〔2025〕1号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  noticeNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  requirements?: string;

  @ApiPropertyOptional({ description: `${DUE}. Default: policy rectifyWorkingDays[requiredAction] working days from the day after` })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;
}

export class SubmitPlanDto {
  @ApiProperty({ example: '全院警示教育，签订廉洁承诺书' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  measures!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsibleDepartment?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsiblePerson?: string;

  @ApiPropertyOptional({ example: '2025-03-20' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedCompletion?: string;
}

export class ReportProgressDto {
  @ApiProperty({ example: '已召开警示教育会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  summary!: string;

  @Evidence()
  evidence?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number;
}

export class RequestSignOffDto {
  @ApiProperty({ example: '整改完成' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  summary!: string;

  @Evidence()
  evidence?: string[];
}

export class SignOffDto {
  @ApiPropertyOptional({ example: '同意销号' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  comment?: string;

  @ApiPropertyOptional({ description: 'Schedule a re-check (回头看) even where the policy does not require one' })
  @IsOptional()
  @IsBoolean()
  recheck?: boolean;

  @ApiPropertyOptional({ description: `Re-check date (default: policy recheck.afterCalendarDays). ${DUE}` })
  @IsOptional()
  @IsISO8601({ strict: true })
  recheckDueDate?: string;
}

export class RejectSignOffDto {
  @ApiProperty({ type: [String], example: ['缺少承诺书扫描件'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(TEXT_MAX, { each: true })
  reasons!: string[];
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '设备采购周期长' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;

  @ApiProperty({ example: '2025-04-30', description: DUE })
  @IsISO8601({ strict: true })
  requestedDueAt!: string;
}

export class ExtensionApprovalDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  extensionId!: string;

  @ApiPropertyOptional({
    description: 'Working days granted, counted from the current due date (or now if later)',
    minimum: 1,
    maximum: 365,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  workingDays?: number;

  @ApiPropertyOptional({ description: `New due date instead of workingDays. ${DUE}. Neither: the date requested` })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  comment?: string;
}

export class ExtensionDenialDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  extensionId!: string;

  @ApiProperty({ example: '理由不充分' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class RecheckDto {
  @ApiProperty({ enum: RECHECK_OUTCOMES })
  @IsIn(RECHECK_OUTCOMES)
  outcome!: RecheckOutcome;

  @ApiProperty({ example: '回头看：问题反弹' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  notes!: string;

  @Evidence()
  evidence?: string[];

  @ApiPropertyOptional({ description: `For reopened: new rectification due date (default: policy). ${DUE}` })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;
}
