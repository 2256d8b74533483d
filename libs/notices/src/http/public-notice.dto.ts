import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsBeijingDay, PageCursor, PageSize } from '@bihuan/platform';
import {
  NOTICE_PREFACE_MAX,
  NOTICE_TITLE_MAX,
  PUBLIC_NOTICE_KINDS,
  PUBLIC_NOTICE_STATUSES,
  PublicNoticeKind,
  PublicNoticeStatus,
} from '../domain/public-notice-values';

const ID_MAX = 64;

/** Beijing days, both inclusive. */
export class PublicNoticePeriodDto {
  @ApiProperty({ example: '2025-03-01', description: 'First day (YYYY-MM-DD, Asia/Shanghai)' })
  @IsBeijingDay()
  from!: string;

  @ApiProperty({ example: '2025-03-31', description: 'Last day; publishing waits until it is over' })
  @IsBeijingDay()
  to!: string;
}

/** POST /public-notices: a draft (通报 · 公示) of your unit or one below it. */
export class DraftPublicNoticeDto {
  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'The commission unit issuing it (发文单位); default your own' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  issuingUnitId?: string;

  @ApiProperty({
    enum: PUBLIC_NOTICE_KINDS,
    description:
      '投诉举报办理情况 complaint-statistics · 监督检查结果 inspection-results · 红名单变动 credit-list-changes · 专项行动 campaign-summary',
  })
  @IsIn(PUBLIC_NOTICE_KINDS)
  kind!: PublicNoticeKind;

  @ApiPropertyOptional({ type: () => PublicNoticePeriodDto, description: 'Required but for a campaign summary, which takes campaignId' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicNoticePeriodDto)
  period?: PublicNoticePeriodDto;

  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'The campaign of a campaign summary: one issued by the unit or below it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  campaignId?: string;

  @ApiProperty({ maxLength: NOTICE_TITLE_MAX, example: '关于2025年3月全市医疗机构投诉举报办理情况的通报' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_TITLE_MAX)
  title!: string;

  @ApiProperty({ maxLength: NOTICE_PREFACE_MAX, description: 'The text before the tables; paragraphs on separate lines' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_PREFACE_MAX)
  preface!: string;
}

/** POST /public-notices/{noticeId}/revise: what changes in a draft (a published notice refuses it: 409). */
export class RevisePublicNoticeDto {
  @ApiPropertyOptional({ maxLength: NOTICE_TITLE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ maxLength: NOTICE_PREFACE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_PREFACE_MAX)
  preface?: string;

  @ApiPropertyOptional({ type: () => PublicNoticePeriodDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicNoticePeriodDto)
  period?: PublicNoticePeriodDto;

  @ApiPropertyOptional({ maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  campaignId?: string;
}

/** POST /public-notices/{noticeId}/corrections: the correction of a published notice, a new notice of its own. */
export class CorrectPublicNoticeDto {
  @ApiPropertyOptional({ maxLength: NOTICE_TITLE_MAX, description: 'Default: 关于更正《…》的通报 (关于撤销… when withdrawing)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_TITLE_MAX)
  title?: string;

  @ApiProperty({ maxLength: NOTICE_PREFACE_MAX, description: 'What is corrected and why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTICE_PREFACE_MAX)
  preface!: string;

  @ApiPropertyOptional({ default: false, description: 'Withdraw (撤销) the notice instead of re-issuing its tables' })
  @IsOptional()
  @IsBoolean()
  withdraw?: boolean;
}

/** GET /public-notices */
export class ListStaffNoticesQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;

  @ApiPropertyOptional({ enum: PUBLIC_NOTICE_STATUSES })
  @IsOptional()
  @IsIn(PUBLIC_NOTICE_STATUSES)
  status?: PublicNoticeStatus;

  @ApiPropertyOptional({ enum: PUBLIC_NOTICE_KINDS })
  @IsOptional()
  @IsIn(PUBLIC_NOTICE_KINDS)
  kind?: PublicNoticeKind;
}

/** GET /public/notices */
export class ListPublicNoticesQueryDto {
  @PageCursor() cursor?: string;
  @PageSize(50) pageSize?: number;

  @ApiPropertyOptional({ enum: PUBLIC_NOTICE_KINDS })
  @IsOptional()
  @IsIn(PUBLIC_NOTICE_KINDS)
  kind?: PublicNoticeKind;
}
