import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SystemClock } from '@bihuan/core';
import { PostgresEventStore, RecordedEvent } from '@bihuan/event-store';
import { createTestPostgresDatabase, TestPostgresDatabase } from '@bihuan/testing';
import { ensureBuilt, freePort, kill, Proc, spawnProc, waitFor } from '../../../../tools/fault/fault-processes';
import { FINDING } from '../e2e/inspection/inspection-steps';
import { ApiHost, demoToken, FailoverClient } from './topology-client';

const SECRET = 'topology-test-secret-of-at-least-32-characters';
const START = '2025-03-10T02:00:00.000Z'; // a Monday morning
const LATER = '2025-04-19T02:00:00.000Z'; // 40 days on: every rectification deadline is overdue
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CASES = 40;
const CLIENTS = 8;
/** Cases completed before API A and worker 1 are killed. */
const KILL_AFTER = 12;

interface Case {
  visitId?: string;
  findingId?: string;
  /** The notice's answer: the host and log position that acknowledged it. */
  notice?: { via: 'A' | 'B'; position: number };
  findingVia?: 'A' | 'B';
}

async function readLog(url: string): Promise<RecordedEvent[]> {
  const store = await PostgresEventStore.connect({ url, clock: new SystemClock(), listen: false });
  try {
    const all: RecordedEvent[] = [];
    for (;;) {
      const page = await store.readAll({ fromPosition: all.at(-1)?.position ?? null, maxCount: 1000 });
      all.push(...page);
      if (page.length < 1000) return all;
    }
  } finally {
    await store.close();
  }
}

const countBy = (events: readonly RecordedEvent[], key: (e: RecordedEvent) => string): Map<string, number> =>
  events.reduce((m, e) => m.set(key(e), (m.get(key(e)) ?? 0) + 1), new Map<string, number>());
const deadlineKey = (e: RecordedEvent): string => `${e.streamName} ${(e.data as { deadlineId: string }).deadlineId}`;

async function ready(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Issue 15, item 4: two API hosts (own data directories) and two workers on one PostgreSQL and one
 * Redis. Under load from clients that fail over with the same Idempotency-Key, `kill -9` of API A and
 * worker 1 loses no acknowledged command and doubles none; what A acknowledged is readable through B
 * at the answer's position; after 40 days every rectification deadline expires exactly once although
 * a worker is killed while they fire; and `verify` passes on the shared log.
 */
describe('the topology: two APIs, two workers, PostgreSQL and Redis', () => {
  let dir: string;
  let pg: TestPostgresDatabase;
  const prefix = `bihuan-topology-${process.pid}-${Date.now()}`;
  const procs: Proc[] = [];

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'bihuan-topology-'));
    pg = await createTestPostgresDatabase('topology');
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) await kill(p, 'SIGKILL');
    await pg?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (name: string, clock: string, extra: Record<string, string>): Record<string, string> => ({
    DATA_DIR: join(dir, name),
    DIRECTORY_SEED: 'demo',
    POSTGRES_URL: pg.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: SECRET,
    CLOCK: `fake:${clock}`,
    HOST: '127.0.0.1',
    ...extra,
  });
  const start = (name: string, role: 'api' | 'worker', clock: string, extra: Record<string, string> = {}): Proc => {
    const p = spawnProc(
      process.execPath,
      ['-r', './tools/register-paths.js', 'dist/apps/api/src/main.js'],
      env(name, clock, { ROLE: role, ...extra }),
    );
    procs.push(p);
    return p;
  };
  const startApi = async (name: string, clock: string): Promise<{ host: ApiHost; proc: Proc }> => {
    const port = await freePort();
    const host: ApiHost = { name: name === 'api-a' ? 'A' : 'B', base: `http://127.0.0.1:${port}` };
    const proc = start(name, 'api', clock, { PORT: String(port) });
    await waitFor(() => ready(host.base), `${name} to be ready`, 90_000, 200).catch((e: Error) => {
      throw new Error(`${e.message}\n${proc.output()}`);
    });
    return { host, proc };
  };

  it('loses and doubles nothing acknowledged, reads A through B, and expires every deadline once', async () => {
    // 1. Two API hosts and two workers (workers without a listener).
    const worker1 = start('worker-1', 'worker', START, { WORKER_HTTP_PORT: '0' });
    start('worker-2', 'worker', START, { WORKER_HTTP_PORT: '0' });
    const [a, b] = await Promise.all([startApi('api-a', START), startApi('api-b', START)]);
    const token = demoToken(SECRET, START, { sub: 'inspector-b1', role: 'inspector', unit: 'county-b1' });
    const client = new FailoverClient([a.host, b.host], token);

    // 2-3. Load through both hosts; A and worker 1 die after KILL_AFTER cases.
    const cases: Case[] = Array.from({ length: CASES }, () => ({}));
    const day = START.slice(0, 10);
    let next = 0;
    let done = 0;
    const runCase = async (c: Case, prefer: 0 | 1): Promise<void> => {
      const planned = await client.command('/visits', { kind: 'unannounced', institutionId: 'hosp-b1-1', plannedDate: day }, prefer);
      if (!planned) return;
      c.visitId = String(planned.body['id']);
      const recorded = await client.command(`/visits/${c.visitId}/record`, { conductedOn: day, summary: '暗访门诊、住院部' }, prefer);
      if (!recorded) return;
      const found = await client.command(`/visits/${c.visitId}/findings`, FINDING, prefer);
      if (!found) return;
      c.findingId = String(found.body['id']);
      c.findingVia = found.via;
      const notice = await client.command(`/findings/${c.findingId}/notice`, { noticeNo: '整改〔2025〕1号' }, prefer, {
        retryNotFound: true,
      });
      if (notice) c.notice = { via: notice.via, position: Number(notice.body['position']) };
    };
    let failed = false;
    const killed = (async () => {
      await waitFor(() => done >= KILL_AFTER || failed, `${KILL_AFTER} cases`, 120_000, 20);
      await Promise.all([kill(a.proc, 'SIGKILL'), kill(worker1, 'SIGKILL')]);
    })();
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < CASES; i = next++) {
          await runCase(cases[i]!, (i % 2) as 0 | 1);
          done += 1;
        }
      }),
    );
    await load.finally(() => (failed = true));
    await killed;
    console.log('topology load:', JSON.stringify(client.trouble));

    // 4. Every acknowledged command is in the log exactly once, and none is doubled.
    const log = await readLog(pg.url);
    const ofType = (type: string) => log.filter((e) => e.type === type);
    const visits = countBy(ofType('VisitPlanned'), (e) => e.streamName);
    const conducted = countBy(ofType('VisitConducted'), (e) => e.streamName);
    const opened = countBy(ofType('FindingOpened'), (e) => e.streamName);
    const notices = countBy(ofType('RectificationNoticeIssued'), (e) => e.streamName);
    const acked = cases.filter((c) => c.visitId);
    expect(visits.size).toBeLessThanOrEqual(CASES); // one POST /visits key per case
    for (const c of acked) expect(visits.get(`visit-${c.visitId!}`)).toBe(1);
    expect([...conducted.values()].every((n) => n === 1)).toBe(true);
    expect([...opened.values()].every((n) => n === 1)).toBe(true);
    expect([...notices.values()].every((n) => n === 1)).toBe(true);
    for (const c of cases.filter((x) => x.findingId)) {
      expect(conducted.get(`visit-${c.visitId!}`)).toBe(1);
      expect(opened.get(`finding-${c.findingId!}`)).toBe(1);
    }
    const noticed = cases.filter((c) => c.notice);
    for (const c of noticed) expect(notices.get(`finding-${c.findingId!}`)).toBe(1);
    expect(noticed.length).toBe(CASES - client.trouble.stuckKeys.length);

    // What A acknowledged is readable through B once B's read models reach the answer's position.
    const throughA = noticed.filter((c) => c.notice!.via === 'A' || c.findingVia === 'A');
    expect(throughA.length).toBeGreaterThan(0);
    for (const c of throughA) {
      const read = await client.read(b.host, `/findings/${c.findingId!}`, c.notice!.position);
      expect(read).toMatchObject({ status: 200, body: { status: 'noticeIssued', ledger: { status: 'noticeIssued' } } });
    }

    // 5. Forty days on: two fresh workers re-arm the overdue deadlines; one is killed while they fire.
    for (const p of [...procs]) await kill(p, p === b.proc ? 'SIGTERM' : 'SIGKILL');
    const due = new Set(
      ofType('DeadlineSet')
        .filter((e) => e.streamName.startsWith('finding-'))
        .map(deadlineKey),
    );
    // One per notice in the log: the acknowledged ones, and any whose host died before answering.
    expect(due.size).toBe(notices.size);
    expect(noticed.filter((c) => ![...due].some((k) => k.startsWith(`finding-${c.findingId!} `)))).toEqual([]);
    const expiredIn = async () =>
      countBy(
        (await readLog(pg.url)).filter((e) => e.type === 'DeadlineExpired'),
        deadlineKey,
      );
    const victim = start('worker-1', 'worker', LATER, { WORKER_HTTP_PORT: '0' });
    start('worker-2', 'worker', LATER, { WORKER_HTTP_PORT: '0' });
    await waitFor(async () => (await expiredIn()).size > 0, 'the first expiry', 90_000, 50);
    await kill(victim, 'SIGKILL');
    start('worker-1', 'worker', LATER, { WORKER_HTTP_PORT: '0' });
    await waitFor(
      async () => {
        const now = await expiredIn();
        return [...due].every((k) => now.has(k));
      },
      'every rectification deadline to expire',
      120_000,
      500,
    );
    const expired = await expiredIn();
    expect([...due].filter((k) => expired.get(k) !== 1)).toEqual([]);
    expect([...expired.values()].every((n) => n === 1)).toBe(true);
    for (const p of [...procs]) await kill(p, 'SIGTERM');

    // 6. verify on the shared log.
    const verify = spawnProc(
      process.execPath,
      ['-r', './tools/register-paths.js', 'dist/apps/cli/src/main.js', 'verify'],
      env('verify', LATER, {}),
    );
    const exit = await verify.exited;
    expect({ exit, output: exit.code === 0 ? '' : verify.output() }).toEqual({ exit: { code: 0, signal: null }, output: '' });
  }, 300_000);
});
