import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import { BullmqTimerScheduler, DEFAULT_REDIS_URL, SqliteTimerScheduler, TimerScheduler, TimerSpec, uniqueQueueName } from '@bihuan/timers';
import { report } from './bench-output';

/**
 * `npm run bench -- reconcile`: what one pass of the timer reconciler costs the backend. With N
 * armed timers (default 100,000, due in an hour: none fires), `missing(all N ids)` is timed with
 * every timer present and again after 1 % were removed. Metrics: `<adapter>.missing_ms` and
 * `.missing_ids_per_s` (median of 5 calls), `.missing_after_loss_ms` and `.found_lost` (must equal
 * N/100). The reconciler's pass adds one read-model query and, only when something is missing, a
 * second look.
 */
const SUITE = 'reconcile';
const N = Number(process.env['BENCH_RECONCILE_TIMERS'] ?? 100_000);
const REDIS_URL = process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function measure(name: string, scheduler: TimerScheduler): Promise<void> {
  const dueAt = new Date(Date.now() + 3_600_000).toISOString();
  const specs: TimerSpec[] = Array.from({ length: N }, (_, i) => ({ id: `dl.bench-${i}.answer.expire`, dueAt, payload: { i } }));
  for (let i = 0; i < N; i += 2_000) await scheduler.scheduleMany!(specs.slice(i, i + 2_000));
  const ids = specs.map((t) => t.id);
  await scheduler.missing(ids); // warm-up
  const runs: number[] = [];
  for (let k = 0; k < 5; k += 1) runs.push(await timeMs(() => scheduler.missing(ids)));
  const median = runs.sort((a, b) => a - b)[2]!;
  report(SUITE, `${name}.missing_ms`, median, 'ms');
  report(SUITE, `${name}.missing_ids_per_s`, (N / median) * 1_000, 'ids/s');
  const lost = ids.filter((_, i) => i % 100 === 0);
  for (const id of lost) await scheduler.cancel(id);
  let found: string[] = [];
  report(SUITE, `${name}.missing_after_loss_ms`, await timeMs(async () => (found = await scheduler.missing(ids))), 'ms');
  report(SUITE, `${name}.found_lost`, found.length, 'timers');
}

export async function reconcileBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-reconcile-'));
  const sqlite = await SqliteTimerScheduler.open({ file: join(dir, 'bihuan.sqlite'), clock: new SystemClock() });
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const bullmq = await BullmqTimerScheduler.connect({ connection: REDIS_URL, queueName: uniqueQueueName('bihuan-bench-reconcile') });
  try {
    await measure('bullmq', bullmq);
  } finally {
    await bullmq.obliterate();
    await bullmq.close();
  }
}
