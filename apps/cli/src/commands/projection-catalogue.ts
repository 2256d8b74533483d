import type Database from 'better-sqlite3';
import { Clock, TimeOrderedIdGenerator } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CalendarService, PolicyRegistry, WorkerContribution, WorkerDeps, workerCommandExecution } from '@bihuan/platform';
import { CommandRouter, PendingDeadlinesProjection, Projection, SqliteCheckpointStore } from '@bihuan/processing';
import { TimerScheduler } from '@bihuan/timers';

/** Building a projection never schedules; anything that tries is a bug worth hearing about. */
const NO_TIMERS: TimerScheduler = {
  kind: 'manual',
  schedule: async () => Promise.reject(new Error('rebuild does not schedule timers')),
  reschedule: async () => undefined,
  cancel: async () => undefined,
  pending: async () => [],
  start: async () => undefined,
  stop: async () => undefined,
  close: async () => undefined,
};

/**
 * Every projection the worker runs, built on a read-model database without starting anything:
 * the platform's pendingDeadlines plus each contribution's projections. Used by `rebuild` to
 * reset one. 
 */
export function workerProjections(
  store: EventStore,
  readModels: Database.Database,
  clock: Clock,
  contributions: readonly WorkerContribution[],
): Projection[] {
  const ids = new TimeOrderedIdGenerator();
  const calendar = new CalendarService(store, clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const commands = workerCommandExecution({ store, clock, ids, calendar, policies });
  const deps: WorkerDeps = { store, scheduler: NO_TIMERS, clock, ids, readModels, router: new CommandRouter(store), calendar, policies, commands };
  return [PendingDeadlinesProjection.sqlite(readModels), ...contributions.flatMap((c) => c.projections?.(deps) ?? [])];
}

/**
 * Empties a projection's read model and forgets its checkpoint (in one transaction for
 * SqliteProjections), so the worker rebuilds it from the beginning of the log on its next start.
 */
export async function resetProjection(projection: Projection, readModels: Database.Database): Promise<void> {
  await projection.reset?.();
  const checkpoints = projection.checkpoints ?? new SqliteCheckpointStore(readModels);
  await checkpoints.delete(projection.name);
}
