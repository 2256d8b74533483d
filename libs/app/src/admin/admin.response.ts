import { ApiProperty } from '@nestjs/swagger';
import { ActorDto, FREE_OBJECT, PolicyChange } from '@bihuan/platform';
import { DeadLetter, DeadLetterInput } from '@bihuan/processing';
import { PendingDeadline } from '@bihuan/processing';
import { TimerSpec } from '@bihuan/timers';
import { POLICY_DEFAULTS } from './policy-defaults';
import { ProjectionRebuild } from './projection-rebuilds';

/** GET /admin/policies: the contexts whose policy can be changed. */
export class PolicyContextsDto {
  @ApiProperty({ type: [String], enum: Object.keys(POLICY_DEFAULTS), example: Object.keys(POLICY_DEFAULTS) }) contexts!: string[];
}

/** One change of a context's policy, as recorded. */
export class PolicyChangeDto implements PolicyChange {
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'inspection' }) context!: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'Settings that differed from the defaults after the change' })
  overrides!: Record<string, unknown>;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: () => ActorDto }) changedBy!: ActorDto;
  @ApiProperty() changedAt!: string;
}

/** A year imported at run time, with its content hash. */
export class CalendarImportedYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'SM3 of the imported notice' }) hash!: string;
}

export class DeadLetterInputDto implements DeadLetterInput {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
}

/** A workflow input parked after its retries failed. */
export class DeadLetterDto implements DeadLetter {
  @ApiProperty({ description: 'Workflow + input eventId' }) id!: string;
  @ApiProperty() workflow!: string;
  @ApiProperty({ type: String, nullable: true }) instance!: string | null;
  @ApiProperty({ type: () => DeadLetterInputDto }) input!: DeadLetterInputDto;
  @ApiProperty({ description: 'Message of the last error' }) error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'When it was parked' }) at!: string;
}

/** POST /admin/dead-letters/{id}/retry: whether the retry went through, and the letter now (null: gone). */
export class DeadLetterRetryDto {
  @ApiProperty() id!: string;
  @ApiProperty() retried!: boolean;
  @ApiProperty({ type: () => DeadLetterDto, nullable: true }) letter!: DeadLetterDto | null;
}

/** A projection or workflow with its checkpoint (and, with the worker in-process, how it runs). */
export class ProjectionStatusDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['projection', 'workflow'] }) kind!: 'projection' | 'workflow';
  @ApiProperty({ type: Number, nullable: true }) checkpoint!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) running!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) failures!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Events between what it has seen and the head (in-process worker only)' })
  behind!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Catching up with the head (in-process worker only)' })
  catchingUp!: boolean | null;
  @ApiProperty({
    description: 'POST /admin/projections/{name}/rebuild would accept it (a read model with its tables, on a file or PostgreSQL)',
  })
  rebuildable!: boolean;
}

/** A rebuild asked for over HTTP (POST /admin/projections/{name}/rebuild), as this process ran it. */
export class ProjectionRebuildDto implements ProjectionRebuild {
  @ApiProperty({ example: 'stream-stats' }) projection!: string;
  @ApiProperty({ enum: ['running', 'swapped', 'failed'], description: 'swapped: the new generation is live' }) state!:
    'running' | 'swapped' | 'failed';
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: () => ActorDto }) startedBy!: ActorDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Log head when it started' }) head!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Log position the new generation has reached' }) position!: number | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: 'Rows per swapped table, once swapped',
  })
  rows!: Record<string, number> | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed (the live read model is left as it was)' }) error!:
    string | null;
}

/** GET /admin/projections. */
export class ProjectionsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Log head position (null: empty log)' }) head!: number | null;
  @ApiProperty() workerInProcess!: boolean;
  @ApiProperty({ type: () => [ProjectionStatusDto] }) projections!: ProjectionStatusDto[];
  @ApiProperty({ type: () => [ProjectionRebuildDto], description: 'The last rebuild of each projection asked of this process' })
  rebuilds!: ProjectionRebuildDto[];
}

/** A pending or paused deadline whose due date was computed on a provisional calendar year. */
export class ProvisionalDeadlineDto implements Omit<PendingDeadline, 'warnAt' | 'warned' | 'correlationId' | 'causationId'> {
  @ApiProperty({ example: 'complaintTicket-42' }) stream!: string;
  @ApiProperty({ example: 'answer-1' }) deadlineId!: string;
  @ApiProperty({ example: 'answer' }) purpose!: string;
  @ApiProperty({ enum: ['pending', 'paused'] }) status!: 'pending' | 'paused';
  @ApiProperty({ description: 'Due instant as computed on the provisional year' }) dueAt!: string;
  @ApiProperty({ example: 'cn@chinese-days-1.5.7+provisional:2027@statutory-2025' }) calendarVersion!: string;
  @ApiProperty({ type: [Number], example: [2027], description: 'The provisional years it counted over: importing them recomputes it' })
  provisionalYears!: number[];
}

/** GET /admin/calendar/provisional-deadlines. */
export class ProvisionalDeadlinesDto {
  @ApiProperty({ description: 'How many pending or paused deadlines are provisional' }) count!: number;
  @ApiProperty({ type: () => [ProvisionalDeadlineDto], description: 'The first ?limit of them, soonest due first' })
  first!: ProvisionalDeadlineDto[];
}

export class PendingTimerDto implements TimerSpec {
  @ApiProperty({ example: 'deadline.complaintTicket-42.answer.expire' }) id!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'Handed back on firing (usually { stream, command })' }) payload!: Record<string, unknown>;
}

/** GET /admin/timers/pending. */
export class PendingTimersDto {
  @ApiProperty({ enum: ['sqlite', 'bullmq', 'manual'] }) backend!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: () => [PendingTimerDto] }) first!: PendingTimerDto[];
}
