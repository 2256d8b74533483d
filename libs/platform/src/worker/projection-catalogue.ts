import type Database from 'better-sqlite3';
import { Clock, TimeOrderedIdGenerator } from '@bihuan/core';
import { openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { EventStore } from '@bihuan/event-store';
import { SqlDatabase } from '@bihuan/database';
import {
  asideLocationOf,
  CommandRouter,
  PendingDeadlinesProjection,
  Projection,
  rebuildAside,
  RebuildAsideResult,
  RebuildRefused,
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
 * Every read-model projection the worker runs, built on `readModels` without starting anything:
 * the platform's pendingDeadlines plus each contribution's projections (the same factories the
 * WorkerRuntime calls on the live database). `database` is the read-model database the table
 * projections write (by default the same SQLite connection under Kysely).
 */
export function workerProjections(
  store: EventStore,
  readModels: Database.Database,
  clock: Clock,
  contributions: readonly WorkerContribution[],
  database: SqlDatabase = openSqliteDatabase({ file: readModels }),
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
    readModels,
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
      // TODO(integrator): when workerProjections builds on the read-model SqlDatabase (WorkerDeps),
      // hand it `database` itself; until then only SQLite's raw handle can be given, so a
      // TableProjection (and anything on PostgreSQL) is not found here yet.
      if (!database.sqlite) throw new RebuildRefused("The worker's projections are not built on PostgreSQL yet");
      const projections = workerProjections(store, database.sqlite, clock, contributions);
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
