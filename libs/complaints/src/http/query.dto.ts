import { IsInstant, PageCursor, PageSize } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from '../domain/complaint-vocabulary';
import { STATISTICS_GROUPS, StatisticsGroup } from '../read-models/complaint-statistics.query';
import { ID_MAX } from './intake.dto';

const STATUSES = ['received', 'dispatched', 'acknowledged', 'decided', 'answered', 'followed-up', 'closed', 'declined'] as const;
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters shared by the list and the statistics; the period is on the receipt instant. */
export class PeriodFilterDto {
  @ApiPropertyOptional({ maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CHANNELS })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ description: 'Received at or after (ISO-8601)', example: '2025-03-01T00:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Received before (ISO-8601, exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class TicketListQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Only tickets whose step is past due (true) or not (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;
}

export class StatisticsQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ enum: STATISTICS_GROUPS, default: 'institution' })
  @IsOptional()
  @IsIn(STATISTICS_GROUPS)
  groupBy?: StatisticsGroup;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class PurposeQueryDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @ApiProperty({ description: 'Why you need the identity (recorded in the access log)', maxLength: 200 })
  purpose!: string;
}

/** `?all=true`: every event of the ticket's history, bookkeeping included — FULL_HISTORY_ROLES only (403 otherwise). */
export class FullHistoryQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'true: every event of the history, internal bookkeeping included — leaders and admins only (403 AUTH.ROLE_NOT_ALLOWED otherwise). Default: folded away.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}
