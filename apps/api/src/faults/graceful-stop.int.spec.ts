import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import { ensureBuilt, freePort, kill, Proc, spawnProc, waitFor } from '../../../../tools/fault/fault-processes';

const SECRET = 'graceful-stop-test-secret-of-at-least-32-chars';
const START = '2025-03-10T02:00:00.000Z';
const PLAN = JSON.stringify({ kind: 'routine', institutionId: 'hosp-b1-1', plannedDate: '2025-03-21' });
const CONCURRENT = 48;

/** An inspector's token on the process's demo clock (CLOCK=fake:START), valid for an hour of it. */
const token = jwt.sign({ role: 'inspector', unit: 'county-b1', name: 'test', iat: Date.parse(START) / 1000 }, SECRET, {
  algorithm: 'HS256',
  subject: 'inspector-b1',
  issuer: 'bihuan',
  expiresIn: 3600,
});
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { id?: string; code?: string };
}

async function post(base: string): Promise<Answer> {
  const res = await fetch(`${base}/visits`, { method: 'POST', headers, body: PLAN });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}

/** A command whose body is only half sent: in flight (it has arrived) until `finish` sends the rest. */
function heldCommand(base: string): { finish(): Promise<Answer> } {
  const url = new URL(`${base}/visits`);
  let answered: (a: Answer) => void = () => undefined;
  const answer = new Promise<Answer>((resolve) => (answered = resolve));
  const req = httpRequest(
    {
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(PLAN) },
    },
    (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => answered({ status: res.statusCode ?? 0, retryAfter: null, body: JSON.parse(text) as Answer['body'] }));
    },
  );
  req.flushHeaders();
  req.write(PLAN.slice(0, 10));
  return {
    finish: () => {
      req.end(PLAN.slice(10));
      return answer;
    },
  };
}

/**
 * Issue 14, item 2: SIGTERM under concurrent commands, through `npm run start:api` as operators run
 * it. Every command answers either 2xx and is in the log, or 503 + Retry-After and is not (never
 * 500); readiness goes 503 while the process drains; npm passes the signal on and node exits 0.
 */
describe('a graceful stop under load', () => {
  let dir: string;
  let api: Proc | null = null;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'bihuan-stop-'));
  }, 180_000);

  afterAll(async () => {
    if (api) await kill(api, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every command truthfully, goes unready first, and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = spawnProc('npm', ['run', '-s', 'start:api'], {
      HOME: process.env['HOME'] ?? dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      DIRECTORY_SEED: 'demo',
      CLOCK: `fake:${START}`,
      JWT_SECRET: SECRET,
      SHUTDOWN_GRACE_SECONDS: '120',
    });
    const proc = api;
    await waitFor(async () => (await status(`${base}/health/ready`)) === 200, 'the api to be ready', 60_000, 200);
    expect((await post(base)).status).toBe(201);

    // One command is held in flight, so the drain (and the listener) last until the test lets it go.
    const held = heldCommand(base);
    await waitFor(
      async () => /bihuan_http_requests_in_flight 1\b/.test(await (await fetch(`${base}/metrics`)).text()),
      'the held command to be in flight',
      30_000,
      50,
    );
    const fired = Array.from({ length: CONCURRENT }, () => post(base));
    // Mid-flight: the first answer is out, the others are queued, running or not yet sent.
    await Promise.race(fired);
    proc.child.kill('SIGTERM');
    await waitFor(async () => (await status(`${base}/health/ready`)) === 503, 'readiness 503', 30_000, 50);
    expect(await status(`${base}/health/live`)).toBe(200);
    const late = await post(base);
    const answers = [...(await Promise.all(fired)), late];
    const heldAnswer = await held.finish();
    const exit = await proc.exited;

    expect(late).toMatchObject({ status: 503, retryAfter: '5', body: { code: 'SHUTTING_DOWN' } });
    expect(heldAnswer.status).toBe(201);
    for (const a of answers)
      expect(a.status === 201 || (a.status === 503 && a.retryAfter === '5' && a.body.code === 'SHUTTING_DOWN')).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });

    const written = [heldAnswer, ...answers].filter((a) => a.status === 201).map((a) => `visit-${a.body.id!}`);
    const log = new Database(join(dir, 'data', 'bihuan.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const inLog = (log.prepare(`SELECT DISTINCT stream FROM events WHERE category = 'visit'`).all() as { stream: string }[]).map(
        (r) => r.stream,
      );
      // The first (pre-stop) command, the held one and the accepted ones; none of the refused.
      expect(inLog).toHaveLength(written.length + 1);
      expect(inLog).toEqual(expect.arrayContaining(written));
    } finally {
      log.close();
    }
    expect(proc.output()).toContain('Worker stopped');
    expect(proc.output()).not.toContain('"statusCode":500');
  }, 180_000);
});
