import { join } from 'node:path';
import { SystemClock, Workflow } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { CheckpointStore, MemoryCheckpointStore, PROCESSING_MIGRATIONS, TableCheckpointStore, WorkflowRunner } from '@bihuan/processing';
import { TimerScheduler } from '@bihuan/timers';
import { report } from './bench-output';
import { PER_STREAM, secondsSince } from './projections-log';

const SUITE = 'projections';

/** A saga over the bench log's events: one instance per stream of the log, each input recorded (no action). */
const notes: Workflow<number> = {
  name: 'benchSaga',
  inputs: ['BenchNoted'],
  initialState: 0,
  instanceId: (input) => String(Math.floor((input.data as { n: number }).n / PER_STREAM)),
  decide: () => [{ kind: 'ignore', reason: 'bench' }],
  evolve: (n) => n + 1,
};

const NO_TIMERS: TimerScheduler = {
  kind: 'manual',
  schedule: async () => undefined,
  reschedule: async () => undefined,
  cancel: async () => undefined,
  pending: async () => [],
  missing: async () => [],
  start: async () => undefined,
  stop: async () => undefined,
  close: async () => undefined,
};

async function runThrough(store: SqliteEventStore, checkpoints: CheckpointStore, inputs: number): Promise<number> {
  const runner = new WorkflowRunner(notes, {
    store,
    commands: { send: async () => undefined },
    timers: NO_TIMERS,
    clock: new SystemClock(),
    checkpoints,
  });
  const started = process.hrtime.bigint();
  await runner.start();
  await runner.caughtUpTo(inputs); // the bench log's first `inputs` positions are all inputs
  const rate = inputs / secondsSince(started);
  await runner.stop();
  return rate;
}

/**
 * A workflow's catch-up over the first `inputs` events: first time (each input recorded: one
 * append each), then again with the checkpoint lost (each input found recorded: a stream read
 * each), with the checkpoint in SQLite and, to see what its writes cost, in memory.
 */
export async function workflowRates(dir: string, logFile: string, inputs: number): Promise<void> {
  const store = SqliteEventStore.open({ file: logFile, clock: new SystemClock() });
  const database = openSqliteDatabase({ file: join(dir, 'workflow-checkpoints.sqlite'), synchronous: 'FULL' });
  try {
    await migrateToLatest(database, [PROCESSING_MIGRATIONS]);
    const sqlite = new TableCheckpointStore(database);
    report(SUITE, 'workflow_catchup_first', await runThrough(store, sqlite, inputs), 'inputs/s');
    await sqlite.delete('workflow.benchSaga');
    report(SUITE, 'workflow_catchup_recorded', await runThrough(store, sqlite, inputs), 'inputs/s');
    report(SUITE, 'workflow_catchup_recorded_memory_checkpoint', await runThrough(store, new MemoryCheckpointStore(), inputs), 'inputs/s');
  } finally {
    await database.close();
    await store.close();
  }
}
