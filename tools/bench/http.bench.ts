import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { TokenService } from '@bihuan/auth';
import { createApp } from '@bihuan/app';
import { loadConfig, sqliteFileOf } from '@bihuan/platform';
import { report } from './bench-output';
import { startBareApp } from './http-bare-app';

/**
 * The HTTP path against the framework's ceiling (issue 14, item 6): the real API (createApp on a
 * temp DATA_DIR, embedded default, ROLE=all) and a bare NestJS app with one validated DTO, in the
 * same run on the same machine, driven in turns by autocannon at 64 connections (BENCH_CONNECTIONS):
 * commands (POST /visits with a real bearer token) and reads (GET /visits, first page); then
 * commands one at a time (one connection: what a single command costs, fsync included). The load
 * generator runs in a worker thread so it does not share the servers' event loop. Prints req/s,
 * p50 and p99 of each, the main thread's busy time per request, and the ratios real/bare (1 = the
 * framework's ceiling). Reads are also run against the floor of a real read (the same page from the
 * same SQLite file in the bare app, nothing else), to tell the read's own work from our pipeline's.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 64);
const SUITE = 'http';

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Main-thread event-loop busy time per request: what a request costs the server, less sensitive to a crowded machine than req/s. */
  readonly loopMs: number;
  readonly errors: number;
}

interface Slice {
  readonly requests: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  readonly busyMs: number;
  readonly errors: number;
}

type Request = { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string };

async function slice(url: string, request: Request, seconds: number, connections: number): Promise<Slice> {
  const before = performance.eventLoopUtilization();
  const result = await autocannon({ url, connections, duration: seconds, workers: 1, ...request });
  const busy = performance.eventLoopUtilization(before);
  return {
    busyMs: busy.active,
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Both contenders in alternating one-second slices after a warm-up each (JIT, SQLite caches):
 * the machine is shared and its speed drifts within seconds, so back-to-back runs would compare
 * two different machines. req/s over all slices; p50 and p99 the median of the slices' figures.
 */
async function sideBySide<K extends string>(
  contenders: Record<K, { url: string; request: Request }>,
  connections = CONNECTIONS,
): Promise<Record<K, Load>> {
  const entries = Object.entries(contenders) as [K, { url: string; request: Request }][];
  const slices = new Map<K, Slice[]>(entries.map(([name]) => [name, []]));
  for (const [, { url, request }] of entries) await slice(url, request, 1, connections);
  for (let round = 0; round < SECONDS; round++) {
    for (const [name, { url, request }] of entries) slices.get(name)!.push(await slice(url, request, 1, connections));
  }
  const load = (xs: readonly Slice[]): Load => ({
    rps: xs.reduce((n, x) => n + x.requests, 0) / xs.reduce((n, x) => n + x.seconds, 0),
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
    loopMs:
      xs.reduce((n, x) => n + x.busyMs, 0) /
      Math.max(
        1,
        xs.reduce((n, x) => n + x.requests, 0),
      ),
    errors: xs.reduce((n, x) => n + x.errors, 0),
  });
  return Object.fromEntries(entries.map(([name]) => [name, load(slices.get(name)!)])) as Record<K, Load>;
}

function print(name: string, load: Load): void {
  report(SUITE, `${name}_rps`, load.rps, 'req/s');
  report(SUITE, `${name}_p50`, load.p50, 'ms');
  report(SUITE, `${name}_p99`, load.p99, 'ms');
  report(SUITE, `${name}_loop_us_per_req`, load.loopMs * 1000, 'µs');
  // A non-2xx answer means the bench measured refusals, not the path: say so rather than hide it.
  if (load.errors > 0) report(SUITE, `${name}_errors`, load.errors, 'requests');
}

export async function httpBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-http-'));
  // LOG_LEVEL=error: per-request info lines would interleave with the bench's JSON lines on stdout.
  // SQLITE_SYNCHRONOUS passes through: NORMAL shows what the per-commit fsyncs cost (default FULL).
  const synchronous = process.env['SQLITE_SYNCHRONOUS'];
  const config = loadConfig({
    DATA_DIR: dir,
    DIRECTORY_SEED: 'demo',
    ROLE: 'all',
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'error',
    ...(synchronous ? { SQLITE_SYNCHRONOUS: synchronous } : {}),
  });
  const api = await createApp({ config, shutdownHooks: false });
  await api.listen(0, '127.0.0.1');
  const bare = await startBareApp();
  try {
    const token = api.get(TokenService).mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵监督员' });
    const auth = { authorization: `Bearer ${token}` };
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2026-03-03' });
    const apiUrl = `${await api.getUrl()}/visits`;
    const bareUrl = `${bare.url}/visits`;
    const command: Request = { method: 'POST', headers: { ...auth, ...json }, body };
    const read: Request = { method: 'GET', headers: auth };

    const { api: apiCommand, bare: bareCommand } = await sideBySide({
      api: { url: apiUrl, request: command },
      bare: { url: bareUrl, request: command },
    });
    // The commands above left thousands of visits: the first page is read from a real table, by the
    // API and by the floor (the same page from the same file, nothing else; http-bare-app.ts).
    const floor = await startBareApp(sqliteFileOf(config));
    const {
      api: apiRead,
      bare: bareRead,
      floor: floorRead,
    } = await sideBySide({
      api: { url: apiUrl, request: read },
      bare: { url: bareUrl, request: read },
      floor: { url: `${floor.url}/floor/visits`, request: read },
    }).finally(() => floor.close());

    // One at a time: a command's own cost, the log's fsync included, with nothing to share it with.
    const { api: apiAlone, bare: bareAlone } = await sideBySide(
      { api: { url: apiUrl, request: command }, bare: { url: bareUrl, request: command } },
      1,
    );

    print('api_command', apiCommand);
    print('bare_command', bareCommand);
    print('api_read', apiRead);
    print('bare_read', bareRead);
    print('floor_read', floorRead);
    print('api_command_alone', apiAlone);
    print('bare_command_alone', bareAlone);
    report(SUITE, 'command_rps_ratio', apiCommand.rps / bareCommand.rps, 'ratio');
    report(SUITE, 'read_rps_ratio', apiRead.rps / bareRead.rps, 'ratio');
    // How far the read's own work (the page from SQLite) leaves the ceiling, and our pipeline the floor.
    report(SUITE, 'floor_read_rps_ratio', floorRead.rps / bareRead.rps, 'ratio');
    report(SUITE, 'read_over_floor_rps_ratio', apiRead.rps / floorRead.rps, 'ratio');
    report(SUITE, 'command_loop_cost_ratio', apiCommand.loopMs / bareCommand.loopMs, 'ratio');
    report(SUITE, 'read_loop_cost_ratio', apiRead.loopMs / bareRead.loopMs, 'ratio');
    report(SUITE, 'command_alone_rps_ratio', apiAlone.rps / bareAlone.rps, 'ratio');
  } finally {
    await bare.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
