import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bihuan/event-store';
import { SqliteTimerScheduler } from '@bihuan/timers';
import { FakeClock } from '@bihuan/testing';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { TableCheckpointStore } from '../checkpoints/table-checkpoint-store.adapter';
import { CommandRouter } from '../commands/command-router';
import { TableDeadLetterStore } from '../dead-letters/table-dead-letter-store.adapter';
import { PROCESSING_MIGRATIONS } from '../processing.migrations';
import { PendingDeadlinesProjection } from '../deadlines/pending-deadlines.projection';
import { rearmPendingDeadlines } from '../deadlines/rearm-pending-deadlines';
import { ProjectionRunner } from '../projections/projection-runner';
import { caseDecider } from '../testing/case.decider';
import { commandMeta } from '../testing/counter.decider';
import { TimerDispatcher } from '../timers/timer-dispatcher';
import { deadlineTimersWorkflow } from '../workflows/deadline-timers.workflow';
import { WorkflowRunner } from './workflow-runner';

const DUE = '2025-03-10T01:00:00.000Z';

/** One embedded worker process: everything in one SQLite file, as in the default deployment. */
async function bootWorker(file: string, clock: FakeClock) {
  const store = SqliteEventStore.open({ file, clock, pollIntervalMs: 20 });
  const timers = await SqliteTimerScheduler.open({ file, clock, pollMs: 10 });
  const router = new CommandRouter(store).register('case', caseDecider);
  const database = openSqliteDatabase({ file });
  await migrateToLatest(database, [PROCESSING_MIGRATIONS]);
  const checkpoints = new TableCheckpointStore(database);
  const deadLetters = new TableDeadLetterStore(database);
  const runner = new WorkflowRunner(deadlineTimersWorkflow, { store, commands: router, timers, clock, checkpoints, deadLetters });
  const pending = PendingDeadlinesProjection.table(database);
  const projector = new ProjectionRunner(store, pending, { checkpoints });
  await projector.start();
  await runner.start();
  await timers.start(new TimerDispatcher(router, clock).handle);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 50; i += 1) {
      const head = (await store.headPosition()) ?? 0;
      await runner.caughtUpTo(head);
      await projector.caughtUpTo(head);
      if ((await store.headPosition()) === head) return;
    }
  };
  const stop = async (): Promise<void> => {
    await timers.stop();
    await runner.stop();
    await projector.stop();
    await timers.close();
    await database.close();
    await store.close();
  };
  return { store, timers, router, runner, pending, settle, stop };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('WorkflowRunner on SQLite (store, timers, checkpoints, dead letters in one file)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-wf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given deadlines armed before a restart and timers lost, then after restart and re-arm each expires exactly once', async () => {
    const file = join(dir, 'bihuan.db');
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    let w = await bootWorker(file, clock);
    for (const id of ['1', '2', '3']) {
      await w.router.send(`case-${id}`, {
        type: 'OpenCase',
        data: { dueAt: DUE, warnAt: [] },
        metadata: commandMeta(`open-${id}`, clock.now().toISOString()),
      });
    }
    await w.settle();
    expect((await w.timers.pending()).map((t) => t.id).sort()).toEqual([
      'dl.case-1.answer.expire',
      'dl.case-2.answer.expire',
      'dl.case-3.answer.expire',
    ]);
    for (const t of await w.timers.pending()) await w.timers.cancel(t.id); // "lost" with the crash
    await w.stop();

    clock.set('2025-03-11T00:00:00.000Z');
    w = await bootWorker(file, clock);
    await w.settle();
    expect(await rearmPendingDeadlines(w.pending, w.timers)).toBe(3);
    const expiredCount = async (): Promise<number> => (await w.store.readAll({ filter: { eventTypes: ['DeadlineExpired'] } })).length;
    await until(async () => (await expiredCount()) === 3 && (await w.timers.pending()).length === 0);
    await w.settle();

    expect(await expiredCount()).toBe(3);
    expect(await w.pending.pending()).toEqual([]);
    const inputs = await w.store.readAll({ filter: { categories: ['deadlineTimers'], eventTypes: ['InputRecorded'] } });
    expect(inputs).toHaveLength(6); // 3 DeadlineSet + 3 DeadlineExpired, none twice
    expect(await w.runner.deadLetters()).toEqual([]);
    await w.stop();
  });
});
