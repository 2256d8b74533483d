import { applyDecorators } from '@nestjs/common';
import { IsInstant, PageNumber, PageSize } from '@bihuan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const POSITION = { description: 'A global log position: the state as it was right after that event (exact, reproducible).', minimum: 0 };
const INSTANT = { description: 'An ISO-8601 instant with zone: events recorded after it do not count.', example: '2025-03-10T08:00:00Z' };
const PURPOSE = { description: 'Why you read this (recorded in the access log).', maxLength: 200 };

/** `?asOf=` or `?asOfPosition=` (not both), and the reader's purpose. */
export class AsOfQueryDto {
  @ApiPropertyOptional(INSTANT) @IsOptional() @IsInstant() @MaxLength(40) asOf?: string;
  @ApiPropertyOptional(POSITION) @IsOptional() @Type(() => Number) @IsInt() @Min(0) asOfPosition?: number;
  @ApiPropertyOptional(PURPOSE) @IsOptional() @IsString() @MaxLength(200) purpose?: string;
}

export class LedgerExportQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' }) @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}

/** `?all=true`: every event, bookkeeping included (FULL_HISTORY_ROLES); one declaration for the history and its instants. */
function AllEventsSwitch(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: ['true', 'false'],
      default: 'false',
      description:
        'true: every event, internal bookkeeping (workflow records) and deadline timers included — leaders and admins only (403 AUTH.ROLE_NOT_ALLOWED otherwise). Default: folded away.',
    }),
    IsOptional(),
    IsIn(['true', 'false']),
  );
}

export class HistoryQueryDto extends AsOfQueryDto {
  @PageNumber(1_000_000) page?: number;
  @PageSize(1000, 50) pageSize?: number;
  @AllEventsSwitch() all?: 'true' | 'false';
}

/** `GET /audit/cases/:stream/instants`: the reader's purpose and the same `all` switch as the history. */
export class InstantsQueryDto {
  @ApiPropertyOptional(PURPOSE) @IsOptional() @IsString() @MaxLength(200) purpose?: string;
  @AllEventsSwitch() all?: 'true' | 'false';
}

export const ACCESS_LOG_ACTIONS = ['view', 'reveal', 'export', 'erase', 'asOf'] as const;

export class AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'Reader (user id).' }) @IsOptional() @IsString() @MaxLength(200) readerId?: string;
  @ApiPropertyOptional({ description: 'Data subject id.' }) @IsOptional() @IsString() @MaxLength(200) subjectId?: string;
  @ApiPropertyOptional({ description: 'Case (root stream).' }) @IsOptional() @IsString() @MaxLength(300) caseStream?: string;
  @ApiPropertyOptional({ enum: ACCESS_LOG_ACTIONS }) @IsOptional() @IsIn(ACCESS_LOG_ACTIONS) action?: string;
  @ApiPropertyOptional({ description: 'Inclusive ISO-8601 lower bound.' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: 'Exclusive ISO-8601 upper bound.' }) @IsOptional() @IsInstant() to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** Stream names: `<category>-<id>`, dash-free category (architecture.md). */
export const STREAM_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}-[A-Za-z0-9_.:-]{1,200}$/;

export class InstitutionParamDto {
  @ApiProperty({ description: 'Directory unit id of the institution', pattern: '^[A-Za-z0-9_.:-]{1,100}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/)
  institutionId!: string;
}
