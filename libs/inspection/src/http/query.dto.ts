import { BeijingDateQuery, PageCursor, PageSize } from '@bihuan/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ESCALATION_RUNGS, FINDING_CATEGORIES, FINDING_STATUSES, SEVERITIES, VISIT_KINDS, VISIT_STATUSES } from '../domain';
import { LEDGER_SORTS, LedgerSort } from '../read-models';
import { ID_MAX } from './visit.dto';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

class PageDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;
}

export class PeriodDto extends PageDto {
  @BeijingDateQuery('From this date (Asia/Shanghai), inclusive', '2025-03-01')
  from?: string;

  @BeijingDateQuery('Up to this date (Asia/Shanghai), inclusive', '2025-03-31')
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  campaignId?: string;
}

export class ListFindingsQueryDto extends PeriodDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  visitId?: string;

  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: FINDING_CATEGORIES })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ enum: ESCALATION_RUNGS })
  @IsOptional()
  @IsIn(ESCALATION_RUNGS)
  escalationRung?: string;

  @ApiPropertyOptional({ description: 'true: only overdue rows (against the clock now); false: only rows not overdue' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: only rows still needing work (not signed off, not withdrawn); false: only those done' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @BeijingDateQuery('Signed off on or after this date (Asia/Shanghai)', '2025-03-01')
  signedOffFrom?: string;

  @BeijingDateQuery('Signed off on or before this date (Asia/Shanghai)', '2025-03-31')
  signedOffTo?: string;

  @ApiPropertyOptional({
    enum: LEDGER_SORTS,
    default: 'opened',
    description:
      'opened: as opened (序号); due: current due date soonest first, rows without one last; a leading - reverses. A cursor belongs to the sort that answered it (400 PAGING.CURSOR_INVALID otherwise).',
  })
  @IsOptional()
  @IsIn(LEDGER_SORTS)
  sort?: LedgerSort;
}

export class CountsQueryDto extends PeriodDto {
  @ApiPropertyOptional({ enum: FINDING_CATEGORIES })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: string;
}

export class ListVisitsQueryDto extends PeriodDto {
  @ApiPropertyOptional({ enum: VISIT_KINDS })
  @IsOptional()
  @IsIn(VISIT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: VISIT_STATUSES })
  @IsOptional()
  @IsIn(VISIT_STATUSES)
  status?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

/** `?all=true`: every event of a history, bookkeeping included — FULL_HISTORY_ROLES only (403 otherwise). */
export class FullHistoryQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'true: every event, internal bookkeeping and deadline timers included — leaders and admins only (403 AUTH.ROLE_NOT_ALLOWED otherwise). Default: folded away.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}
