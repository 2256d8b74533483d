import { Clock, TimeOrderedIdGenerator } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { SqlDatabase } from '@bihuan/database';
import {
  asideLocationOf,
  CommandRouter,
  PendingDeadlinesProjection,
  Projection,
  rebuildAside,
  RebuildAsideResult,
} from '@bihuan/processing';
import { TimerScheduler } from '@bihuan/timers';
import { CalendarService } from '../calendar/calendar.service';
import { PolicyRegistry } from '../policy/policy-registry';
import { WorkerContribution, WorkerDeps, workerCommandExecution } from './worker-contribution';

/** Building a projection never schedules; anything that tries is a bug worth hearing about. */
const NO_TIMERS: TimerScheduler = {
  kind: 'manual',
  schedule: async () => Promise.reject(new Error('rebuild does not schedule timers')),
  reschedule: async () => undefined,
  cancel: async () => undefined,
  pending: async () => [],
  missing: async (ids) => [...ids],
  start: async () => undefined,
  stop: async () => undefined,
  close: async () => undefined,
};

/**
 * Every read-model projection the worker runs, built on `database` without starting anything:
 * the platform's pendingDeadlines plus each contribution's projections (the same factories the
 * WorkerRuntime calls on the live database).
 */
export function workerProjections(
  store: EventStore,
  database: SqlDatabase,
  clock: Clock,
  contributions: readonly WorkerContribution[],
): Projection[] {
  const ids = new TimeOrderedIdGenerator();
  const calendar = new CalendarService(store, clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const commands = workerCommandExecution({ store, clock, ids, calendar, policies });
  const deps: WorkerDeps = {
    store,
    scheduler: NO_TIMERS,
    clock,
    ids,
    database,
    router: new CommandRouter(store),
    calendar,
    policies,
    commands,
  };
  return [PendingDeadlinesProjection.table(database), ...contributions.flatMap((c) => c.projections?.(deps) ?? [])];
}

export interface RebuildReadModelOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly contributions: readonly WorkerContribution[];
  /**
   * The live read-model database: the embedded file (`openSqliteDatabase`) or PostgreSQL
   * (`openPostgresDatabase`, which gives it the url the scratch schema is opened with).
   */
  readonly live: SqlDatabase;
  readonly name: string;
  readonly afterPage?: (checkpoint: number | null) => Promise<void> | void;
}

/** A projection name nobody runs. */
export class UnknownProjection extends Error {
  constructor(projection: string, known: readonly string[]) {
    super(`Unknown projection "${projection}" (known: ${known.join(', ')})`);
  }
}

/**
 * Rebuilds the worker's projection `name` aside (`rebuildAside`): in `rebuild-<name>.sqlite` next
 * to the live file, or in the schema `rebuild_<name>` on PostgreSQL, then swapped in, while the API
 * and a running worker carry on.
 */
export function rebuildReadModel(options: RebuildReadModelOptions): Promise<RebuildAsideResult> {
  const { store, clock, contributions, live, name } = options;
  return rebuildAside({
    store,
    live,
    aside: asideLocationOf(live, name),
    afterPage: options.afterPage,
    build: (database) => {
      const projections = workerProjections(store, database, clock, contributions);
      const projection = projections.find((p) => p.name === name);
      if (!projection)
        throw new UnknownProjection(
          name,
          projections.map((p) => p.name),
        );
      return projection;
    },
  });
}
