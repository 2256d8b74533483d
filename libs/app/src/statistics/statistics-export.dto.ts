import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { BeijingDateQuery } from '@bihuan/platform';
import { ID_MAX } from '@bihuan/inspection';
import { STATISTICS_TABLES, StatisticsTable } from './statistics-tables';

/** GET /statistics/export: the leaders' figures over a period of Beijing dates, as 通报 tables. */
export class StatisticsExportQueryDto {
  @BeijingDateQuery('From this date (Asia/Shanghai), inclusive: findings opened, complaints received', '2025-03-01')
  from?: string;

  @BeijingDateQuery('Up to this date (Asia/Shanghai), inclusive', '2025-03-31')
  to?: string;

  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'One institution in your jurisdiction (400 unknown, 403 outside it)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId?: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';

  @ApiPropertyOptional({
    enum: STATISTICS_TABLES,
    description:
      'One table (a sheet of its own); without it, XLSX holds every table, one sheet each. Required for CSV (one table per file).',
  })
  @ValidateIf((q: StatisticsExportQueryDto) => q.format === 'csv' || q.table !== undefined)
  @IsIn(STATISTICS_TABLES)
  table?: StatisticsTable;
}
