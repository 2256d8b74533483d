import { ApiProperty } from '@nestjs/swagger';
import { ActorDto, FREE_OBJECT, PolicyChange } from '@bihuan/platform';
import { DeadLetter, DeadLetterInput } from '@bihuan/processing';
import { TimerSpec } from '@bihuan/timers';
import { POLICY_DEFAULTS } from './policy-defaults';

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
}

/** GET /admin/projections. */
export class ProjectionsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Log head position (null: empty log)' }) head!: number | null;
  @ApiProperty() workerInProcess!: boolean;
  @ApiProperty({ type: () => [ProjectionStatusDto] }) projections!: ProjectionStatusDto[];
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
