import { OptionalIdList } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  FINDING_CATEGORIES,
  FindingCategory,
  REQUIRED_ACTIONS,
  RequiredAction,
  SEVERITIES,
  Severity,
  VISIT_KINDS,
  VisitKind,
} from '../domain';

export const ID_MAX = 64;
export const TEXT_MAX = 2000;

export class PlanVisitDto {
  @ApiProperty({
    enum: VISIT_KINDS,
    description: 'routine 日常监督 / unannounced 暗访 / random 双随机 / special 专项行动 / self 自查 (hospital)',
  })
  @IsIn(VISIT_KINDS)
  kind!: VisitKind;

  @ApiProperty({ example: 'hosp-a1-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId!: string;

  @OptionalIdList(ID_MAX, { type: [String], description: 'Inspectors (user ids); defaults to the calling inspector' })
  inspectorIds?: string[];

  @ApiProperty({ example: '2025-03-03', description: 'ISO-8601 date' })
  @IsISO8601({ strict: true })
  plannedDate!: string;

  @ApiPropertyOptional({ description: 'Special campaign (专项行动) id' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  campaignId?: string;
}

export class RecordVisitDto {
  @ApiProperty({ example: '2025-03-03', description: 'When it took place (not in the future)' })
  @IsISO8601({ strict: true })
  conductedOn!: string;

  @OptionalIdList(ID_MAX) inspectorIds?: string[];

  @ApiPropertyOptional({ example: '暗访门诊、住院部' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string;
}

/** A reason for cancelling a visit or withdrawing a finding (named for its context: schema names are global). */
export class InspectionReasonDto {
  @ApiProperty({ example: '机构停业整顿' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

/** A finding as the inspector reports it on a visit (the finding id is allocated by the server). */
export class FindingDraftDto {
  @ApiProperty({ enum: FINDING_CATEGORIES, description: 'The nine integrity rules, service and quality categories' })
  @IsIn(FINDING_CATEGORIES)
  category!: FindingCategory;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ example: '外科病房医生收受患者红包' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description!: string;

  @ApiPropertyOptional({ type: [String], description: 'Attachment references' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiProperty({ example: '外科' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsibleDepartment!: string;

  @ApiPropertyOptional({ example: '张主任' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsiblePerson?: string;

  @ApiProperty({ enum: REQUIRED_ACTIONS, description: 'immediate 立行立改 / deadline 限期整改 / long-term 长期坚持' })
  @IsIn(REQUIRED_ACTIONS)
  requiredAction!: RequiredAction;
}
