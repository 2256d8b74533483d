import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FREE_OBJECT } from '@bihuan/platform';
import { CalendarImportedYearDto, PolicyChangeDto } from './admin.response';

/** PUT /admin/policies/:context — replaces the context's overrides; the reason goes on the record. */
export class SetPolicyDto {
  @ApiProperty({
    ...FREE_OBJECT,
    description: 'Settings that differ from the defaults (nested objects merge, arrays replace); {} restores the defaults',
    example: { answerWorkingDays: 10 },
  })
  @IsObject()
  overrides!: Record<string, unknown>;

  @ApiProperty({ description: 'Why (notice number, decision): recorded with the change', maxLength: 500, example: '市卫健委〔2026〕12号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class LimitQueryDto {
  @ApiPropertyOptional({ description: 'How many to list (1–500)', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A map of dates (YYYY-MM-DD) to names, as the calendar import file holds them. */
const DATE_NAMES = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: '国办发明电〔2026〕7号' }) source!: string;
  @ApiProperty({ ...DATE_NAMES, example: { '2027-01-01': '元旦' }, description: 'Days off, YYYY-MM-DD → name' })
  holidays!: Record<string, string>;
  @ApiProperty({ ...DATE_NAMES, example: { '2027-02-20': '春节调休' }, description: 'Weekend days worked (调休上班)' })
  makeupWorkdays!: Record<string, string>;
}

export class CalendarOutlookDto {
  @ApiProperty() nextYear!: number;
  @ApiProperty({ description: 'True from 1 November while next year is not imported' }) nextYearMissing!: boolean;
  @ApiProperty({ description: 'True while the current year is not imported (a late notice)' }) currentYearMissing!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Pending or paused deadlines computed on a provisional year, per year',
    example: { '2027': 3 },
  })
  provisionalPending!: Record<string, number>;
}

export class CalendarStatusDto {
  @ApiProperty({ description: 'Recorded on every deadline computed with it' }) version!: string;
  @ApiProperty({ type: [Number] }) years!: number[];
  @ApiProperty({ type: () => [CalendarImportedYearDto], description: 'Years imported at run time with their content hash' })
  importedYears!: CalendarImportedYearDto[];
  @ApiProperty({
    description: 'From 1 November (Shanghai): next year not imported (computed provisionally); provisional pending deadlines per year',
  })
  outlook!: CalendarOutlookDto;
}

export class CalendarImportedDto {
  @ApiProperty() year!: number;
  @ApiProperty() version!: string;
}

export class PolicyViewDto {
  @ApiProperty() context!: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'The policy in force (defaults + overrides); its settings are the context’s' })
  current!: Record<string, unknown>;
  @ApiProperty({ ...FREE_OBJECT, description: 'The code’s defaults' }) defaults!: Record<string, unknown>;
  @ApiProperty({ type: () => [PolicyChangeDto], description: 'Every change, oldest first' }) history!: PolicyChangeDto[];
}

/** GET /admin/timers — the worker's timer reconciliation: pending deadlines against armed timers. */
export class TimerStatusDto {
  @ApiProperty({ enum: ['sqlite', 'bullmq', 'manual'], example: 'bullmq' }) backend!: string;
  @ApiProperty({ nullable: true, type: Number, example: 1000, description: 'Pending or paused deadlines in the read model' })
  pendingDeadlines!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1000,
    description: 'Timers those deadlines need (expiry + reminders not yet given)',
  })
  expectedTimers!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 998, description: 'Of those, timers the backend held' })
  armedTimers!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 2, description: 'Timers found missing (and re-armed) by the last pass' })
  missing!: number | null;
  @ApiProperty({ example: 2, description: 'Timers re-armed by the reconciler since the worker started' }) repairsTotal!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-12-05T12:00:00.000Z',
    description: 'When the figures were taken; null before the first pass',
  })
  lastReconciledAt!: string | null;
}
