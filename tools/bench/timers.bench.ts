import { Queue, Worker } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import {
  BullmqTimerScheduler,
  DEFAULT_REDIS_URL,
  SqliteTimerScheduler,
  TimerScheduler,
  TimerSpec,
  openRedis,
  scheduleAll,
  uniqueQueueName,
} from '@bihuan/timers';
import { report } from './bench-output';

/**
 * `npm run bench -- timers`: for N pending timers (default 100,000) on sqlite, bullmq and plain
 * BullMQ (`raw_bullmq`, the reference on the same Redis): how fast they are scheduled (through
 * `scheduleMany` / `addBulk`, 2,000 per call), and how late they fire (drift = when the handler ran − dueAt) when all N come due within SPREAD ms
 * shortly after scheduling ends. Targets (issue 3): sqlite.drift_p99_ms ≤ 1000,
 * bullmq.drift_p99_ms ≤ 250, bullmq.schedule_per_s ≥ 0.8 × raw_bullmq.schedule_per_s.
 */
const SUITE = 'timers';
const N = Number(process.env['BENCH_TIMERS'] ?? 100_000);
const SPREAD_MS = Number(process.env['BENCH_TIMERS_SPREAD_MS'] ?? 20_000);
const CONCURRENCY = Number(process.env['BENCH_TIMERS_CONCURRENCY'] ?? 100);
const CHUNK = 2_000;
const REDIS_URL = process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;

/** One adapter under test: schedule a batch, deliver to `onFire`, clean up. */
interface Target {
  start(onFire: (index: number, dueMs: number) => void): Promise<void>;
  schedule(timers: readonly TimerSpec[]): Promise<void>;
  dispose(): Promise<void>;
}

type Factory = () => Promise<Target>;

function schedulerTarget(scheduler: TimerScheduler, dispose: () => Promise<void>): Target {
  return {
    start: (onFire) => scheduler.start(async (t) => onFire(Number(t.payload['i']), Date.parse(t.dueAt))),
    schedule: async (timers) => {
      for (let i = 0; i < timers.length; i += CHUNK) await scheduleAll(scheduler, timers.slice(i, i + CHUNK));
    },
    dispose,
  };
}

const sqlite: Factory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-timers-'));
  const scheduler = await SqliteTimerScheduler.open({
    file: join(dir, 'bihuan.sqlite'),
    clock: new SystemClock(),
    concurrency: CONCURRENCY,
  });
  return schedulerTarget(scheduler, async () => {
    await scheduler.close();
    rmSync(dir, { recursive: true, force: true });
  });
};

const bullmq: Factory = async () => {
  const scheduler = await BullmqTimerScheduler.connect({
    connection: REDIS_URL,
    queueName: uniqueQueueName('bihuan-bench-timers'),
    concurrency: CONCURRENCY,
  });
  return schedulerTarget(scheduler, async () => {
    await scheduler.stop();
    await scheduler.obliterate();
    await scheduler.close();
  });
};

/** Same job data as the adapter's, so the reference carries the same bytes. */
type RawData = { dueAt: string; payload: Readonly<Record<string, unknown>> };

/** Plain BullMQ as its documentation shows it: addBulk of delayed jobs, one Worker. */
const rawBullmq: Factory = async () => {
  const redis = await openRedis(REDIS_URL);
  const workerRedis = await openRedis(REDIS_URL);
  const queue = new Queue<RawData>(uniqueQueueName('bihuan-bench-raw'), { connection: redis });
  let worker: Worker | null = null;
  return {
    start: async (onFire) => {
      worker = new Worker<RawData>(queue.name, async (job) => onFire(Number(job.data.payload['i']), Date.parse(job.data.dueAt)), {
        connection: workerRedis,
        concurrency: CONCURRENCY,
      });
      await worker.waitUntilReady();
    },
    schedule: async (timers) => {
      for (let i = 0; i < timers.length; i += CHUNK) {
        const now = Date.now();
        await queue.addBulk(
          timers.slice(i, i + CHUNK).map((t) => {
            const dueMs = Date.parse(t.dueAt);
            const opts = { jobId: t.id, delay: Math.max(0, dueMs - now), removeOnComplete: true, removeOnFail: true };
            return { name: 'timer', data: { dueAt: t.dueAt, payload: t.payload }, opts };
          }),
        );
      }
    },
    dispose: async () => {
      await worker?.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await redis.quit();
      await workerRedis.quit();
    },
  };
};

function timers(count: number, firstDueMs: number, spreadMs: number, prefix: string): TimerSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}.${i}`,
    dueAt: new Date(firstDueMs + Math.floor((i * spreadMs) / count)).toISOString(),
    payload: { i, stream: `complaintTicket-${i}`, command: 'ExpireDeadline' },
  }));
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Warm-up and calibration: 10,000 timers through the whole path (schedule, fire) on a throwaway
 * instance, so the measured run neither pays for JIT and Redis warm-up nor guesses how long
 * scheduling N will take. Returns the warm-up's schedule rate.
 */
async function calibrate(factory: Factory): Promise<number> {
  const target = await factory();
  let fired = 0;
  try {
    await target.start(() => void fired++);
    const sample = timers(Math.min(10_000, N), Date.now() + 2_000, 2_000, 'warmup');
    const start = performance.now();
    await target.schedule(sample);
    const rate = sample.length / ((performance.now() - start) / 1000);
    const until = Date.now() + 60_000;
    while (fired < sample.length && Date.now() < until) await sleep(50);
    return rate;
  } finally {
    await target.dispose();
  }
}

async function measure(name: string, factory: Factory): Promise<void> {
  const estimatedRate = await calibrate(factory);
  const target = await factory();
  const drift = new Float64Array(N);
  const seen = new Uint8Array(N);
  let fired = 0;
  let duplicates = 0;
  try {
    await target.start((i, dueMs) => {
      if (seen[i]++) duplicates++;
      else drift[fired++] = Date.now() - dueMs;
    });
    // Window opens a few seconds after scheduling is expected to end, with room for a slower run.
    const firstDue = Date.now() + Math.round((N / estimatedRate) * 1500) + 3_000;
    const all = timers(N, firstDue, SPREAD_MS, 'bench');
    await target.schedule(all);
    if (Date.now() > firstDue) process.stderr.write(`timers bench: ${name} scheduling overran the firing window\n`);
    const deadline = firstDue + SPREAD_MS + 120_000;
    while (fired < N && Date.now() < deadline) await sleep(100);
    await sleep(500);
    const sorted = drift.slice(0, fired).sort();
    report(SUITE, `${name}.drift_p50_ms`, percentile(sorted, 0.5), 'ms');
    report(SUITE, `${name}.drift_p99_ms`, percentile(sorted, 0.99), 'ms');
    report(SUITE, `${name}.drift_max_ms`, sorted[sorted.length - 1] ?? Number.NaN, 'ms');
    report(SUITE, `${name}.fired`, fired, 'count');
    report(SUITE, `${name}.duplicates`, duplicates, 'count');
  } finally {
    await target.dispose();
  }
}

/**
 * schedule_per_s: N far-future timers into every adapter, chunk by chunk in turn (A, B, C, A, B, C…),
 * so that load from other processes on the machine falls on all adapters alike and the
 * bullmq / raw_bullmq ratio means something. Each adapter's own time is summed.
 */
async function scheduleRates(names: readonly string[], factories: Record<string, Factory>): Promise<void> {
  const targets = await Promise.all(names.map((name) => factories[name]!()));
  const spent = names.map(() => 0);
  try {
    const all = timers(N, Date.now() + 3_600_000, SPREAD_MS, 'rate');
    for (let i = 0; i < N; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      for (const [k, target] of targets.entries()) {
        const start = performance.now();
        await target.schedule(chunk);
        spent[k]! += performance.now() - start;
      }
    }
    names.forEach((name, k) => report(SUITE, `${name}.schedule_per_s`, N / (spent[k]! / 1000), 'ops/s'));
  } finally {
    for (const target of targets) await target.dispose();
  }
}

/** Runs the timers suite; prints JSON lines through `report`. Takes two to four minutes. */
export async function timersBench(): Promise<void> {
  const names = (process.env['BENCH_TIMERS_ADAPTERS'] ?? 'sqlite,bullmq,raw_bullmq').split(',');
  const factories: Record<string, Factory> = { sqlite, bullmq, raw_bullmq: rawBullmq };
  const unknown = names.filter((name) => !factories[name]);
  if (unknown.length > 0) throw new Error(`timers bench: unknown adapter(s) ${unknown.join(', ')}`);
  await scheduleRates(names, factories);
  for (const name of names) await measure(name, factories[name]!);
}

if (require.main === module) {
  timersBench().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
