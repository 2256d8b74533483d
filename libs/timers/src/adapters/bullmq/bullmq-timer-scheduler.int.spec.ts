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
