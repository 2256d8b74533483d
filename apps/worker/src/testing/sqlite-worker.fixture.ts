import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SequentialIdGenerator } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CommandRouter } from '@bihuan/processing';
import { CalendarService, migrateReadModels, PolicyRegistry, WorkerRuntime } from '@bihuan/platform';
import { openSqliteDatabase } from '@bihuan/database';
import { READ_MODEL_MIGRATIONS } from '@bihuan/app';
import { FakeClock } from '@bihuan/testing';
import { SqliteTimerScheduler } from '@bihuan/timers';

type Contributions = ConstructorParameters<typeof WorkerRuntime>[1];

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A worker process on the embedded SQLite file (event log, timers, read models and checkpoints in
 * one file; the read models migrated and under Kysely as in the app), in a fresh folder per test.
 * Each `boot` is a new process on the same file; shutdowns still owed run after each test even
 * when an assertion failed (open pollers would keep jest alive).
 */
export function sqliteWorkerFile(folderPrefix: string, clock: FakeClock) {
  let dir: string;
  let file: string;
  const open = new Set<() => Promise<void>>();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), folderPrefix));
    file = join(dir, 'bihuan.sqlite');
  });
  afterEach(async () => {
    for (const shutdown of open) await shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Boots a worker with these contributions; `routerOf` lets a test wrap or pre-register the router. */
  async function boot(contributions: Contributions, routerOf?: (store: SqliteEventStore) => CommandRouter) {
    const store = SqliteEventStore.open({ file, clock });
    const scheduler = await SqliteTimerScheduler.open({ file, clock });
    const readModels = new Database(file);
    // The read-model database under Kysely on that connection, migrated as the app does at start.
    const database = openSqliteDatabase({ file: readModels });
    await migrateReadModels(database, READ_MODEL_MIGRATIONS);
    const router = routerOf?.(store);
    const calendar = new CalendarService(store, clock);
    const policies = new PolicyRegistry(store, () => clock.now().toISOString());
    const runtime = new WorkerRuntime(
      { store, scheduler, clock, ids: new SequentialIdGenerator('w'), database, calendar, policies, router },
      contributions,
      quiet,
    );
    const shutdown = async (): Promise<void> => {
      if (!open.delete(shutdown)) return;
      await runtime.stop();
      await scheduler.close();
      await store.close();
      await database.close();
      readModels.close();
    };
    open.add(shutdown);
    return { store, scheduler, readModels, database, calendar, router, runtime, shutdown };
  }

  return { boot, file: (): string => file };
}
