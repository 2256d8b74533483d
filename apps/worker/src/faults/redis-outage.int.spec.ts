import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { BullmqTimerScheduler } from '@bihuan/timers';
import { freePort, kill, sleep, startFaultWorker, startRedis, waitFor } from '../../../../tools/fault/fault-processes';
import { FaultLog, openCases } from '../../../../tools/fault/fault-log';
import { faultFolder } from '../testing/fault-folder.fixture';

/**
 * Issue 3, proof under faults (3): Redis (a dedicated redis-server that keeps nothing on disk)
 * stops while deadlines are armed in it and while more are set; commands are still accepted
 * meanwhile (appends go to the SQLite log); Redis comes back EMPTY, and every deadline that fell
 * due during the outage fires after it, exactly once — the armed ones through the worker's re-arm
 * on reconnect (from the pending-deadlines projection), the ones set during the outage through
 * the deadline workflow, whose scheduling waited for Redis.
 */
describe('fault: Redis stopped and restarted empty', () => {
  const { dir: folder, procs } = faultFolder('bihuan-fault-c-');

  it('keeps accepting commands during the outage, and fires the deadlines due in it afterwards', async () => {
    const dir = folder();
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const redis1 = startRedis(port, dir);
    procs.push(redis1);
    await waitFor(() => redis1.output().includes('Ready to accept connections'), 'redis-server to start', 20_000);
    const file = join(dir, 'bihuan.sqlite');
    const store = SqliteEventStore.open({ file, clock: new SystemClock() });
    const log = new FaultLog(file);
    const worker = startFaultWorker({ DATA_DIR: dir, FAULT_TIMERS: 'bullmq', REDIS_URL: url, FAULT_QUEUE: 'bihuan-fault-outage' });
    procs.push(worker);
    try {
      await waitFor(() => worker.output().includes('ready (timers bullmq)'), 'the worker', 60_000);
      // Armed before the outage, due 6–7 s from now (inside it).
      const armed = await openCases(store, 40, Date.now() + 6_000, 25, 'armed');
      const probe = await BullmqTimerScheduler.connect({ connection: url, queueName: 'bihuan-fault-outage' });
      await waitFor(async () => (await probe.pending()).length === armed.length, 'the 40 timers in Redis', 30_000);
      await probe.close();

      await kill(redis1, 'SIGTERM');
      // During the outage: commands are accepted and recorded; new deadlines fall due inside it too.
      const during = await openCases(store, 20, Date.now() + 2_000, 50, 'during');
      expect((await store.readStream(during[19]!)).map((e) => e.type)).toEqual(['DeadlineSet']);
      await sleep(9_000); // every deadline above is now overdue, and none could fire
      expect(log.expiredCount()).toBe(0);
      expect(worker.alive()).toBe(true);

      const redis2 = startRedis(port, dir); // empty: the 40 armed timers are gone with the old one
      procs.push(redis2);
      await waitFor(() => redis2.output().includes('Ready to accept connections'), 'redis-server to restart', 20_000);
      await waitFor(() => log.expiredCount() >= armed.length + during.length, 'every deadline due in the outage', 60_000);
      await sleep(1_000);
      await kill(worker, 'SIGTERM');

      const expired = log.expiredPerStream();
      expect([...armed, ...during].filter((s) => expired.get(s) !== 1)).toEqual([]);
      expect(expired.size).toBe(armed.length + during.length);
      expect(worker.output()).toContain('Timer backend bullmq reconnected: re-arming pending deadlines');
      expect(worker.output()).toMatch(/Re-armed \d+ timer\(s\) of pending deadlines[\s\S]*reconnected[\s\S]*Re-armed [1-9]\d* timer\(s\)/);
      await kill(redis2, 'SIGTERM');
    } finally {
      log.close();
      await store.close();
    }
  }, 180_000);
});
