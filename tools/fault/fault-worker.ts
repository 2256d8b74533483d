import Database from 'better-sqlite3';
import { Command, DeadlineEvent, Decider, TimeOrderedIdGenerator, SystemClock } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CalendarService, migrateReadModels, PolicyRegistry, WorkerContribution, WorkerRuntime } from '@bihuan/platform';
import { openSqliteDatabase } from '@bihuan/database';
import { BullmqTimerScheduler, SqliteTimerScheduler, TimerScheduler } from '@bihuan/timers';
import { FAULT_CATEGORY, faultCaseDecider } from './fault-case.decider';

/**
 * The deadline machinery alone, as a process the fault tests can SIGKILL: the real WorkerRuntime
 * (pending-deadlines projection, deadline-timers workflow, TimerDispatcher, re-arm) over the real
 * SQLite log in `${DATA_DIR}/bihuan.sqlite`, with one test decider (`faultCase`) instead of the app.
 *
 * Env: DATA_DIR (required); FAULT_TIMERS `sqlite` (default, timers in the same file) or `bullmq`
 * (REDIS_URL, FAULT_QUEUE, FAULT_LOCK_MS: BullMQ's lock and stalled-check interval); FAULT_LEASE_MS /
 * FAULT_POLL_MS for the sqlite poller; FAULT_RECONCILE_MS for the timer reconciler. Logs one line
 * per message on stdout (`[fault-worker <pid>] …`); SIGTERM stops it cleanly.
 *
 *   node -r ./tools/register-paths.js dist/tools/fault/fault-worker.js
 */
async function main(): Promise<void> {
  const dataDir = process.env['DATA_DIR'];
  if (!dataDir) throw new Error('DATA_DIR is required');
  const file = `${dataDir}/bihuan.sqlite`;
  const clock = new SystemClock();
  const log = (level: string) => (message: string) => process.stdout.write(`[fault-worker ${process.pid}] ${level} ${message}\n`);
  const store = SqliteEventStore.open({ file, clock });
  const scheduler: TimerScheduler =
    process.env['FAULT_TIMERS'] === 'bullmq'
      ? await BullmqTimerScheduler.connect({
          connection: process.env['REDIS_URL'],
          queueName: process.env['FAULT_QUEUE'] ?? 'bihuan-fault',
          clock,
          lockDurationMs: Number(process.env['FAULT_LOCK_MS'] ?? 30_000),
          stalledIntervalMs: Number(process.env['FAULT_LOCK_MS'] ?? 30_000),
        })
      : await SqliteTimerScheduler.open({
          file,
          clock,
          leaseMs: Number(process.env['FAULT_LEASE_MS'] ?? 30_000),
          pollMs: Number(process.env['FAULT_POLL_MS'] ?? 200),
        });
  const readModels = new Database(file);
  readModels.pragma('journal_mode = WAL');
  readModels.pragma('busy_timeout = 10000');
  // Checkpoints, dead letters and pending deadlines through Kysely on that connection, migrated as the app does.
  const database = openSqliteDatabase({ file: readModels });
  await migrateReadModels(database, []);
  const contribution: WorkerContribution = {
    name: 'fault',
    deciders: [[FAULT_CATEGORY, faultCaseDecider as unknown as Decider<Command, DeadlineEvent, unknown>]],
  };
  const deps = {
    store,
    scheduler,
    clock,
    ids: new TimeOrderedIdGenerator(),
    database,
    calendar: new CalendarService(store, clock),
    policies: new PolicyRegistry(store, () => clock.now().toISOString()),
  };
  const runtime = new WorkerRuntime(
    deps,
    [contribution],
    { log: log('info'), warn: log('warn'), error: log('error') },
    { timerReconcileMs: Number(process.env['FAULT_RECONCILE_MS'] ?? 30_000) },
  );
  await runtime.start();
  log('info')(`ready (timers ${scheduler.kind})`);
  const shutdown = async (): Promise<void> => {
    await runtime.stop();
    await scheduler.close();
    await store.close();
    await database.close();
    readModels.close();
    log('info')('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
