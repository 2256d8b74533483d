import { timerSchedulerContract } from '@bihuan/testing';
import { BullmqTimerScheduler, uniqueQueueName } from './bullmq-timer-scheduler.adapter';
import { DEFAULT_REDIS_URL, openRedis } from './bullmq-connection';

const url = process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const waitUntil = async (iso: string) => {
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
};
const connect = (queueName: string) =>
  BullmqTimerScheduler.connect({ connection: url, queueName, backoff: { type: 'fixed', delay: 200 }, concurrency: 10 });

// No skipping: CI starts Redis, so an unreachable Redis is a failure with a message saying so.
beforeAll(async () => {
  const redis = await openRedis(url);
  await redis.quit();
});

timerSchedulerContract('bullmq', async () => {
  const scheduler = await connect(uniqueQueueName('bihuan-timers-test'));
  return {
    scheduler,
    clock: null,
    advance: waitUntil,
    teardown: async () => {
      await scheduler.stop();
      await scheduler.obliterate();
      await scheduler.close();
    },
  };
});

describe('BullmqTimerScheduler', () => {
  it('three workers on one queue deliver each of 300 timers exactly once', async () => {
    const queueName = uniqueQueueName('bihuan-timers-test');
    const workers = await Promise.all([connect(queueName), connect(queueName), connect(queueName)]);
    const seen: string[] = [];
    for (const w of workers) await w.start(async (t) => void seen.push(t.id));
    const due = Date.now() + 500;
    await workers[0]!.scheduleMany(
      Array.from({ length: 300 }, (_, i) => ({ id: `three.${i}`, dueAt: new Date(due + (i % 30) * 10).toISOString(), payload: {} })),
    );
    for (let i = 0; i < 300 && seen.length < 300; i++) await sleep(50);
    await sleep(500);
    for (const w of workers) await w.stop();
    await workers[0]!.obliterate();
    for (const w of workers) await w.close();
    expect(seen.length).toBe(300);
    expect(new Set(seen).size).toBe(300);
  });

  it('replaces a job in one step: missing() asked all along never finds the id without a job', async () => {
    const scheduler = await connect(uniqueQueueName('bihuan-timers-test'));
    const base = Date.now() + 60_000;
    const at = (k: number) => new Date(base + k * 1_000).toISOString();
    await scheduler.schedule({ id: 'atomic', dueAt: at(0), payload: {} });
    let replacing = true;
    let checks = 0;
    const seenMissing: string[] = [];
    const watching = (async () => {
      while (replacing) {
        seenMissing.push(...(await scheduler.missing(['atomic'])));
        checks += 1;
      }
    })();
    for (let k = 1; k <= 200; k += 1) await scheduler.schedule({ id: 'atomic', dueAt: at(k), payload: { k } });
    replacing = false;
    await watching;
    expect(checks).toBeGreaterThan(10);
    expect(seenMissing).toEqual([]);
    expect(await scheduler.pending()).toEqual([{ id: 'atomic', dueAt: at(200), payload: { k: 200 } }]);
    await scheduler.obliterate();
    await scheduler.close();
  });

  it('two deployments with different key prefixes on one Redis and queue name do not see each other', async () => {
    const queueName = uniqueQueueName('bihuan-timers-test');
    const [a, b] = await Promise.all(
      ['bihuan-a', 'bihuan-b'].map((prefix) => BullmqTimerScheduler.connect({ connection: url, queueName, prefix })),
    );
    const seenByB: string[] = [];
    await b!.start(async (t) => void seenByB.push(t.id));
    const dueSoon = new Date(Date.now() + 300).toISOString();
    await a!.schedule({ id: 'only-a', dueAt: dueSoon, payload: {} });
    await b!.schedule({ id: 'only-b', dueAt: new Date(Date.now() + 60_000).toISOString(), payload: {} });
    expect((await a!.pending()).map((t) => t.id)).toEqual(['only-a']);
    expect((await b!.pending()).map((t) => t.id)).toEqual(['only-b']);
    expect(await b!.missing(['only-a', 'only-b'])).toEqual(['only-a']);
    const raw = await openRedis(url);
    expect(await raw.exists(`bihuan-a:${queueName}:only-a`, `bihuan-b:${queueName}:only-b`)).toBe(2);
    await raw.quit();
    await sleep(1_500);
    expect(seenByB).toEqual([]);
    expect(await a!.missing(['only-a'])).toEqual([]);
    for (const s of [a!, b!]) {
      await s.stop();
      await s.obliterate();
      await s.close();
    }
  });

  it('stores the timer as a delayed job whose jobId is the timer id', async () => {
    const scheduler = await connect(uniqueQueueName('bihuan-timers-test'));
    const dueAt = new Date(Date.now() + 60_000).toISOString();
    await scheduler.schedule({ id: 'deadline.complaintTicket-42.answer.expire', dueAt, payload: { stream: 'complaintTicket-42' } });
    const job = await scheduler.queue.getJob('deadline.complaintTicket-42.answer.expire');
    expect(await job?.getState()).toBe('delayed');
    expect(job?.data).toEqual({ dueAt, payload: { stream: 'complaintTicket-42' } });
    await scheduler.obliterate();
    await scheduler.close();
  });
});
