import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { BullmqTimerScheduler, DEFAULT_REDIS_URL, uniqueQueueName } from '@bihuan/timers';
import { kill, startFaultWorker, waitFor } from '../../../../tools/fault/fault-processes';
import { FaultLog, openCases } from '../../../../tools/fault/fault-log';
import { faultFolder } from '../testing/fault-folder.fixture';

const COUNT = 300;
const REDIS_URL = process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;

/**
 * Issue 3, proof under faults (2): three worker processes on one Redis (BullMQ, a queue of their
 * own) sharing one SQLite log file (WAL; one writer at a time, each append a short transaction,
 * busy_timeout for the others). All three run the deadline workflow on the same inputs and all
 * three consume the queue: each deadline still expires exactly once. One of them is SIGKILLed
 * half-way, so its active jobs are recovered by BullMQ's stalled-job check on the others (lock
 * 30 s, check every 30 s: most of this test's minute is that wait).
 */
describe('fault: three workers on one Redis share one SQLite log', () => {
  const queue = uniqueQueueName('bihuan-fault-three');
  const { dir: folder, procs } = faultFolder('bihuan-fault-b-', async () => {
    const cleanup = await BullmqTimerScheduler.connect({ connection: REDIS_URL, queueName: queue });
    await cleanup.obliterate();
    await cleanup.close();
  });

  it('every deadline expires exactly once', async () => {
    const dir = folder();
    const file = join(dir, 'bihuan.sqlite');
    const store = SqliteEventStore.open({ file, clock: new SystemClock() });
    const streams = await openCases(store, COUNT, Date.now() + 4_000, 15); // due over 4.5 s
    await store.close();
    const log = new FaultLog(file);
    const env = { DATA_DIR: dir, FAULT_TIMERS: 'bullmq', REDIS_URL, FAULT_QUEUE: queue };
    try {
      for (let i = 0; i < 3; i += 1) procs.push(startFaultWorker(env));
      await waitFor(() => procs.every((p) => p.output().includes('ready (timers bullmq)')), 'three workers ready', 60_000);
      await waitFor(() => log.expiredCount() >= COUNT / 3, 'a third of the expiries', 60_000, 20);
      await kill(procs[0]!, 'SIGKILL');
      await waitFor(() => log.expiredCount() >= COUNT, `all ${COUNT} expiries`, 150_000);
      await waitFor(() => log.count('SELECT COUNT(*) AS n FROM pending_deadlines') === 0, 'pending deadlines to empty', 30_000);
      const recordedInputs = `SELECT COUNT(*) AS n FROM events WHERE type = 'InputRecorded' AND stream LIKE 'deadlineTimers-%'`;
      await waitFor(() => log.count(recordedInputs) >= COUNT * 2, 'the deadline workflow to record every input', 30_000);
      for (const p of procs.slice(1)) await kill(p, 'SIGTERM');
      // The survivors did the work together (delivery spread over both is BullMQ's business, not asserted).
      const expired = log.expiredPerStream();
      expect(streams.filter((s) => expired.get(s) !== 1)).toEqual([]);
      expect(expired.size).toBe(COUNT);
      expect(log.mismatchedDueAt()).toBe(0);
      // All three recorded the deadline workflow's inputs into the same instance streams without doubling them.
      // (DeadlineSet and DeadlineExpired of each case: two inputs, each recorded once although three runners saw it)
      expect(log.count(recordedInputs)).toBe(COUNT * 2);
      for (const p of procs.slice(1)) expect(p.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    } finally {
      log.close();
    }
  }, 300_000);
});
