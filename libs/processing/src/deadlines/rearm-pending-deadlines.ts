import { scheduleAll, TimerScheduler, TimerSpec } from '@bihuan/timers';
import { DeadlineTimerRequest, expireTimer, warnTimer } from '../workflows/deadline-timer-ids';
import { openWarnings, PendingDeadline } from './pending-deadlines';

/** Anything that lists pending deadlines (PendingDeadlinesProjection, a read-model store). */
export interface PendingDeadlineSource {
  pending(): PendingDeadline[] | Promise<PendingDeadline[]>;
}

/** The timers a pending deadline should have: expiry and every reminder not yet given (none when paused). */
export function timersFor(row: PendingDeadline): DeadlineTimerRequest[] {
  if (row.status !== 'pending') return [];
  const cause = { correlationId: row.correlationId, causationId: row.causationId };
  return [
    expireTimer(row.stream, row.deadlineId, row.dueAt, cause),
    ...openWarnings(row).map((w) => warnTimer(row.stream, row.deadlineId, w.index, w.warnAt, row.dueAt, cause)),
  ];
}

/** The timer specs pending deadlines need, as the deadline workflow schedules them (payload `{ stream, command }`). */
export function timerSpecsOf(rows: readonly PendingDeadline[]): TimerSpec[] {
  return rows.flatMap(timersFor).map((t) => ({ id: t.id, dueAt: t.dueAt, payload: { stream: t.stream, command: t.command } }));
}

/**
 * Schedules again every timer a pending deadline needs, with the same deterministic ids the
 * deadline workflow uses, so existing timers are replaced, not doubled. Call on worker start after
 * the projection has caught up: a timer lost with Redis or a crash then still fires, and one that
 * fires twice is harmless. Uses `scheduleMany` (one transaction) where the adapter has it.
 * Returns how many timers were scheduled.
 */
export async function rearmPendingDeadlines(source: PendingDeadlineSource, scheduler: TimerScheduler): Promise<number> {
  const specs = timerSpecsOf(await source.pending());
  await scheduleAll(scheduler, specs);
  return specs.length;
}
