import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SystemClock } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { migrateToLatest, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { ProjectionRunner } from '@bihuan/processing';
import { loadConfig, PLATFORM_MIGRATIONS, sqliteFileOf, streamStatsProjection } from '@bihuan/platform';
import { createApp, WorkerService } from '@bihuan/app';
import { report } from './bench-output';
import { buildLog, secondsSince } from './projections-log';
import { workflowRates } from './projections-workflow';

/**
 * Start-up and rebuild on a long log (issue 14, item 5). Builds a log of BENCH_EVENTS events
 * (default 1,000,000; `--events=N` wins) in a temp data dir, then measures: the store's read rate
 * (readAll pages of 500 from the start), the stream-stats projection catching up from nothing and
 * being rebuilt aside, and the real app (createApp, ROLE=all) from start to its first HTTP answer,
 * with the event-loop delay and /health latencies while its worker catches up; last, a workflow's
 * catch-up over the first BENCH_WORKFLOW_INPUTS (5,000) events.
 */
const SUITE = 'projections';

function eventCount(): number {
  const flag = process.argv.find((a) => a.startsWith('--events='));
  return Number(flag?.slice('--events='.length) ?? process.env['BENCH_EVENTS'] ?? 1_000_000);
}

async function readRate(file: string): Promise<{ rate: number; head: number }> {
  const store = SqliteEventStore.open({ file, clock: new SystemClock() });
  try {
    const started = process.hrtime.bigint();
    let from: number | null = null;
    let read = 0;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 500 });
      read += page.length;
      if (page.length < 500) break;
      from = page[page.length - 1]!.position;
    }
    return { rate: read / secondsSince(started), head: (await store.headPosition()) ?? 0 };
  } finally {
    await store.close();
  }
}

/** The read-model database as the app opens it (WAL, synchronous FULL), migrated. */
async function openBenchReadModels(file: string): Promise<SqlDatabase> {
  const database = openSqliteDatabase({ file, synchronous: 'FULL' });
  await migrateToLatest(database, PLATFORM_MIGRATIONS);
  return database;
}

/**
 * stream-stats from nothing to the head through the ProjectionRunner. Rebuilding it aside waits
 * for rebuildAside to take table projections (issue 15): until then `rebuild_aside` is not reported.
 */
async function projectionRates(dir: string, logFile: string, events: number, head: number): Promise<void> {
  const store = SqliteEventStore.open({ file: logFile, clock: new SystemClock() });
  const liveFile = join(dir, 'read-models.sqlite');
  const database = await openBenchReadModels(liveFile);
  try {
    const projection = streamStatsProjection(database);
    const runner = new ProjectionRunner(store, projection, { checkpoints: projection.checkpoints });
    const started = process.hrtime.bigint();
    await runner.start();
    await runner.caughtUpTo(head);
    report(SUITE, 'projection_catchup', events / secondsSince(started), 'events/s');
    await runner.stop();
  } finally {
    await database.close();
    await store.close();
  }
}

/** The real app on that log: first HTTP answer, then /health latency and loop delay until caught up. */
async function appStartup(dir: string, head: number): Promise<void> {
  const config = loadConfig({ DATA_DIR: dir, DIRECTORY_SEED: 'demo', ROLE: 'all', LOG_LEVEL: 'silent', PORT: '3999', HOST: '127.0.0.1' });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The longest gap between two 10 ms ticks: how long the loop was held at once (no HTTP served).
  let lastTick = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
  }, 10);
  const started = process.hrtime.bigint();
  const app = await createApp({ config, shutdownHooks: false });
  try {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const health = `http://127.0.0.1:${address.port}/health`;
    await fetch(health);
    report(SUITE, 'app_first_http_answer', secondsSince(started) * 1000, 'ms');
    report(SUITE, 'event_loop_longest_gap_until_first_answer', longestGap, 'ms');
    longestGap = 0; // from here on: what the worker's catch-up costs the API
    delay.reset();
    const runtime = app.get(WorkerService).runtime;
    const latencies: number[] = [];
    const caughtUp = Promise.all(runtime.projections.map((r) => r.caughtUpTo(head)));
    let done = false;
    void caughtUp.then(() => (done = true));
    while (!done) {
      const asked = process.hrtime.bigint();
      await fetch(health);
      latencies.push(secondsSince(asked) * 1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await caughtUp;
    report(SUITE, 'app_projections_caught_up', secondsSince(started) * 1000, 'ms');
    latencies.sort((a, b) => a - b);
    report(SUITE, 'app_health_answers_during_catchup', latencies.length, 'requests');
    report(SUITE, 'app_health_p99_during_catchup', latencies[Math.floor(latencies.length * 0.99)] ?? 0, 'ms');
    report(SUITE, 'event_loop_delay_p99_during_catchup', delay.percentile(99) / 1e6, 'ms');
    report(SUITE, 'event_loop_delay_max_during_catchup', delay.max / 1e6, 'ms');
    report(SUITE, 'event_loop_longest_gap_during_catchup', longestGap, 'ms');
  } finally {
    clearInterval(ticker);
    delay.disable();
    await app.close();
  }
}

export async function projectionsBench(): Promise<void> {
  const events = eventCount();
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-'));
  try {
    const logFile = sqliteFileOf({ dataDir: dir });
    report(SUITE, 'log_events', events, 'events');
    report(SUITE, 'log_append', events / (await buildLog(logFile, events)), 'events/s');
    const { rate, head } = await readRate(logFile);
    report(SUITE, 'store_read_all', rate, 'events/s');
    await projectionRates(dir, logFile, events, head);
    await appStartup(dir, head);
    await workflowRates(dir, logFile, Math.min(events, Number(process.env['BENCH_WORKFLOW_INPUTS'] ?? 5_000)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
