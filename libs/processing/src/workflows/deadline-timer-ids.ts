import { Command, deterministicId, SYSTEM_ACTOR, TimerRequest, timedId } from '@bihuan/core';

/** A timer request that names the stream its command goes to (the runner puts it in the payload). */
export type DeadlineTimerRequest = TimerRequest & { readonly stream: string };

/** Correlation of the deadline event that armed a timer, carried on the wake-up command. */
export interface TimerCause {
  readonly correlationId: string;
  readonly causationId: string | null;
}

const SAFE = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * One part of a timer id, limited to [A-Za-z0-9_-] (so the dots between parts stay unambiguous)
 * and 80 characters; when a part had to be changed, a hash of the original keeps it unique.
 */
export function timerIdPart(part: string): string {
  if (SAFE.test(part)) return part;
  const hash = deterministicId('timer-id-part', part).slice(0, 8);
  return `${part.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 70)}_${hash}`;
}

/** `dl.<stream>.<deadlineId>.expire`: one per deadline, replaced when the deadline moves. */
export function expireTimerId(stream: string, deadlineId: string): string {
  return `dl.${timerIdPart(stream)}.${timerIdPart(deadlineId)}.expire`;
}

/** `dl.<stream>.<deadlineId>.warn.<n>`: n is the index of the instant in the deadline's warnAt. */
export function warnTimerId(stream: string, deadlineId: string, index: number): string {
  return `dl.${timerIdPart(stream)}.${timerIdPart(deadlineId)}.warn.${index}`;
}

/**
 * The id of the command a timer sends when it fires: derived from the timer and its due instant
 * (so a re-armed or redelivered timer sends the same command) and ordered by that instant.
 */
export function timerCommandId(timerId: string, dueAt: string): string {
  return timedId(dueAt, timerId, dueAt);
}

function wakeUp(timerId: string, dueAt: string, type: string, data: object, cause: TimerCause): Command {
  return {
    type,
    data,
    metadata: {
      // The TimerDispatcher derives the same id and stamps `now` with the firing instant.
      commandId: timerCommandId(timerId, dueAt),
      correlationId: cause.correlationId,
      causationId: cause.causationId,
      actor: SYSTEM_ACTOR,
      now: dueAt,
    },
  };
}

/** The timer that sends `ExpireDeadline { deadlineId, dueAt }` to the case stream at dueAt. */
export function expireTimer(stream: string, deadlineId: string, dueAt: string, cause: TimerCause): DeadlineTimerRequest {
  const id = expireTimerId(stream, deadlineId);
  return { id, dueAt, stream, command: wakeUp(id, dueAt, 'ExpireDeadline', { deadlineId, dueAt }, cause) };
}

/** The timer that sends `WarnDeadline { deadlineId, warnAt, dueAt }` to the case stream at warnAt. */
export function warnTimer(
  stream: string,
  deadlineId: string,
  index: number,
  warnAt: string,
  dueAt: string,
  cause: TimerCause,
): DeadlineTimerRequest {
  const id = warnTimerId(stream, deadlineId, index);
  return { id, dueAt: warnAt, stream, command: wakeUp(id, warnAt, 'WarnDeadline', { deadlineId, warnAt, dueAt }, cause) };
}
