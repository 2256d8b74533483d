import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TokenService } from '@bihuan/auth';
import { createApp } from '@bihuan/app';
import { loadConfig } from '@bihuan/platform';
import { report } from './bench-output';

/**
 * `npm run bench -- ledger [--rows=10000] [--requests=200] [--seed-seconds=N]`: does the hospital's 整改台账 stay fast
 * on a big ledger? Boots the real embedded app (createApp on a temp DATA_DIR, demo directory),
 * seeds `rows` findings at one institution (hosp-a1-1) through the real HTTP write path as
 * inspector-a1 (visits, then findings on them, CONCURRENCY at a time), then as hospital-a1-1
 * times `requests` sequential requests (after a warm-up) of: the first page of GET /findings, a page
 * deep in the ledger (a cursor reached by following nextCursor DEEP_PAGES times), the first page
 * filtered by status and by overdue, and GET /me/todos. Prints p50/p99 of each, the seeding rate
 * and deep/first p50 (keyset paging should keep it near 1).
 */
const SUITE = 'ledger';
const CONCURRENCY = 16;
const FINDINGS_PER_VISIT = 100;
const DEEP_PAGES = 250;
const WARM_UP = 20;

const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

type Call = (method: 'GET' | 'POST', path: string, body?: object) => Promise<Record<string, unknown>>;

function caller(base: string, token: string): Call {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
}

/** Runs `count` tasks, `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}

/** Seeds up to `rows` findings, stopping early once `budgetSeconds` have passed; answers how many and their rate. */
async function seed(inspector: Call, rows: number, budgetSeconds: number): Promise<{ seeded: number; rate: number }> {
  // The bench runs on the real clock (no test depends on it): today in Shanghai.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const visits: string[] = [];
  await pool(Math.ceil(rows / FINDINGS_PER_VISIT), CONCURRENCY, async (v) => {
    const visit = await inspector('POST', '/visits', { kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: today });
    await inspector('POST', `/visits/${String(visit['id'])}/record`, { conductedOn: today, summary: '台账基准' });
    visits[v] = String(visit['id']);
  });
  const started = performance.now();
  const until = started + budgetSeconds * 1000;
  let seeded = 0;
  await pool(rows, CONCURRENCY, async (i) => {
    if (performance.now() > until) return;
    await inspector('POST', `/visits/${visits[Math.floor(i / FINDINGS_PER_VISIT)]!}/findings`, {
      category: 'red-envelopes',
      severity: 'general',
      description: `台账基准问题 ${i}`,
      responsibleDepartment: '外科',
      requiredAction: 'deadline',
    });
    seeded++;
    if (seeded % 500 === 0) process.stderr.write(`ledger: ${seeded}/${rows} findings\n`);
  });
  return { seeded, rate: seeded / ((performance.now() - started) / 1000) };
}

async function timed(requests: number, request: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARM_UP; i++) await request();
  const ms: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await request();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Follows nextCursor `pages` times from the first page; answers the cursor reached and the rows passed. */
async function deepCursor(hospital: Call, pages: number): Promise<{ cursor: string; rowsBefore: number }> {
  let cursor: string | null = null;
  let rowsBefore = 0;
  for (let p = 0; p < pages; p++) {
    const page = await hospital('GET', `/findings${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    const next = page['nextCursor'];
    if (typeof next !== 'string') break;
    rowsBefore += (page['items'] as unknown[]).length;
    cursor = next;
  }
  if (cursor === null) throw new Error('GET /findings answered no nextCursor: the ledger has one page only');
  return { cursor, rowsBefore };
}

export async function ledgerBench(): Promise<void> {
  const rows = Number(option('rows') ?? 10_000);
  const requests = Number(option('requests') ?? 200);
  // A slow shared disk can make 10,000 HTTP writes take longer than a run may: rows_seeded says how many made it.
  const budget = Number(option('seed-seconds') ?? Infinity);
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-ledger-'));
  // SQLITE_SYNCHRONOUS passes through as in the http suite: NORMAL seeds without a fsync per commit.
  const synchronous = process.env['SQLITE_SYNCHRONOUS'];
  const config = loadConfig({
    DATA_DIR: dir,
    DIRECTORY_SEED: 'demo',
    ROLE: 'all',
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'error',
    ...(synchronous ? { SQLITE_SYNCHRONOUS: synchronous } : {}),
  });
  const app = await createApp({ config, shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  try {
    const tokens = app.get(TokenService);
    const base = await app.getUrl();
    const inspector = caller(base, tokens.mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵监督员' }));
    const hospital = caller(base, tokens.mint({ sub: 'hospital-a1-1', role: 'hospital', unit: 'hosp-a1-1', name: '甲市一院质控办' }));

    const { seeded, rate } = await seed(inspector, rows, budget);
    report(SUITE, 'rows_seeded', seeded, 'findings');
    report(SUITE, 'seed_rate', rate, 'findings/s');

    const deep = await deepCursor(hospital, DEEP_PAGES);
    report(SUITE, 'deep_rows_before', deep.rowsBefore, 'rows');
    const cases: Record<string, string> = {
      first_page: '/findings',
      deep_page: `/findings?cursor=${encodeURIComponent(deep.cursor)}`,
      status_open_first_page: '/findings?status=open',
      overdue_first_page: '/findings?overdue=true',
      todos: '/me/todos',
    };
    const p50: Record<string, number> = {};
    for (const [name, path] of Object.entries(cases)) {
      const latency = await timed(requests, () => hospital('GET', path));
      p50[name] = latency.p50;
      report(SUITE, `${name}_p50`, latency.p50 * 1000, 'µs');
      report(SUITE, `${name}_p99`, latency.p99 * 1000, 'µs');
    }
    report(SUITE, 'deep_vs_first_p50', p50['deep_page']! / p50['first_page']!, 'ratio');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
