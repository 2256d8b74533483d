import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HOSPITAL_LEVELS, INSTITUTION_TYPES, OWNERSHIPS } from '@bihuan/directory';
import { CAMPAIGN_REASON_MAX, CAMPAIGN_TITLE_MAX, CAMPAIGN_YEARS } from '../domain/campaign.decider';
import { PHASE_NAME_MAX } from '../domain/campaign-phases';
import { REPORT_KINDS, REPORT_RECURRENCES, ReportKind, ReportRecurrence } from '../domain/campaign-values';

export const CAMPAIGN_ID_MAX = 64;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a date YYYY-MM-DD';

/** A report each unit in scope owes in a phase: a due day, or a recurrence (each month's / quarter's end within the phase). */
export class CampaignReportDto {
  @ApiProperty({ enum: REPORT_KINDS, description: '实施方案 / 月报 / 季度汇总 / 自查报告 / 整改报告 / 总结报告' })
  @IsIn(REPORT_KINDS)
  kind!: ReportKind;

  @ApiPropertyOptional({
    example: '2022-02-28',
    description: 'Due day (YYYY-MM-DD), from the phase’s first day to the year’s end; or give `recurrence`',
  })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  due?: string;

  @ApiPropertyOptional({ enum: REPORT_RECURRENCES, description: 'Due at each month’s / quarter’s end within the phase; or give `due`' })
  @IsOptional()
  @IsIn(REPORT_RECURRENCES)
  recurrence?: ReportRecurrence;
}

/** A dated phase (宣传动员, 自查自纠, 集中整治, 总结提升 …); the phases follow each other without overlapping, inside the year. */
export class CampaignPhaseDto {
  @ApiProperty({ example: '宣传动员', maxLength: PHASE_NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PHASE_NAME_MAX)
  name!: string;

  @ApiProperty({ example: '2023-05-15', description: 'First day (YYYY-MM-DD)' })
  @Matches(DAY, { message: DAY_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2023-05-20', description: 'Last day (YYYY-MM-DD)' })
  @Matches(DAY, { message: DAY_MESSAGE })
  to!: string;

  @ApiPropertyOptional({ type: [CampaignReportDto], description: 'Reports each unit in scope owes in this phase' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CampaignReportDto)
  reports?: CampaignReportDto[];
}

/**
 * Whom the campaign covers: institutions under the issuing unit with these directory attributes
 * (二级以上公立医院: ownerships [public], levels [level2, level3]) and/or institutions by id; every
 * institution under the issuing unit when it gives neither.
 */
export class CampaignScopeDto {
  @ApiPropertyOptional({ enum: Object.keys(INSTITUTION_TYPES), isArray: true, description: '机构类别' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(INSTITUTION_TYPES), { each: true })
  institutionTypes?: string[];

  @ApiPropertyOptional({ enum: Object.keys(OWNERSHIPS), isArray: true, description: '所有制 (公立 / 民营 / 社会办)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(OWNERSHIPS), { each: true })
  ownerships?: string[];

  @ApiPropertyOptional({ enum: Object.keys(HOSPITAL_LEVELS), isArray: true, description: '医院等级' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(HOSPITAL_LEVELS), { each: true })
  levels?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Institutions named one by one (under the issuing unit)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(CAMPAIGN_ID_MAX, { each: true })
  institutionIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Lower commission units (下级卫生健康委, below the issuing unit) that owe the phases’ reports beside the institutions; their inspectors and leaders hand them in',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(CAMPAIGN_ID_MAX, { each: true })
  commissionUnitIds?: string[];
}

export class LaunchCampaignDto {
  @ApiPropertyOptional({ example: 'county-a1', description: 'The issuing commission unit (发文单位): yours by default, or one below it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_ID_MAX)
  issuingUnitId?: string;

  @ApiProperty({ example: '医德医风建设专项行动', maxLength: CAMPAIGN_TITLE_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_TITLE_MAX)
  title!: string;

  @ApiProperty({ example: 2023, minimum: CAMPAIGN_YEARS.min, maximum: CAMPAIGN_YEARS.max, description: 'The year every phase lies in' })
  @IsInt()
  @Min(CAMPAIGN_YEARS.min)
  @Max(CAMPAIGN_YEARS.max)
  year!: number;

  @ApiProperty({ type: CampaignScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScopeDto)
  scope!: CampaignScopeDto;

  @ApiProperty({ type: [CampaignPhaseDto], description: 'In order, not overlapping, inside the year' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CampaignPhaseDto)
  phases!: CampaignPhaseDto[];
}

/** What changes (what is left out stays), and why. A new scope must keep every institution the campaign's visits name. */
export class AmendCampaignDto {
  @ApiPropertyOptional({ maxLength: CAMPAIGN_TITLE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ type: [CampaignPhaseDto], description: 'The phases as a whole, replacing the old ones' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CampaignPhaseDto)
  phases?: CampaignPhaseDto[];

  @ApiPropertyOptional({ type: CampaignScopeDto, description: 'The scope as a whole, resolved again against the directory' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScopeDto)
  scope?: CampaignScopeDto;

  @ApiProperty({ example: '根据市卫健委补充通知调整阶段安排', maxLength: CAMPAIGN_REASON_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_REASON_MAX)
  reason!: string;
}

/** Closing: refused (409 CAMPAIGN.OPEN_ROWS) while rows are open, unless `carryOver` with a reason records them as carried over. */
export class CloseCampaignDto {
  @ApiPropertyOptional({ default: false, description: 'Carry the open rows over beyond the campaign (needs a reason)' })
  @IsOptional()
  @IsBoolean()
  carryOver?: boolean;

  @ApiPropertyOptional({ example: '剩余问题转入日常监管台账', maxLength: CAMPAIGN_REASON_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_REASON_MAX)
  reason?: string;
}
