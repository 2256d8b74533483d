import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '@bihuan/testing';
import { freePort } from '../../../tools/fault/fault-processes';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

function getStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((done) => {
    const req = get(url, { headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

interface Run {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startApi(env: Record<string, string>, main = MAIN): Run {
  const child = spawn(process.execPath, ['-r', './tools/register-paths.js', main], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

describe('the built api process', () => {
  let dataDir: string;
  const running: Run[] = [];

  beforeAll(() => {
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      // Type errors elsewhere in the tree still emit JavaScript; the boot is what this test is about.
      if (!existsSync(MAIN)) throw error;
    }
    dataDir = mkdtempSync(join(tmpdir(), 'bihuan-boot-'));
  }, 120_000);

  afterAll(async () => {
    for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots on the embedded default, answers /health 200, logs JSON with request ids, and stops on SIGTERM', async () => {
    const port = await freePort();
    const run = startApi({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data') });
    running.push(run);
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => (await getStatus(`${base}/health`)) === 200, '/health = 200', { ms: 30_000, every: 200 });
    expect(existsSync(join(dataDir, 'data', 'bihuan.sqlite'))).toBe(true);
    // umask 077 in main plus secureDataDir: the process's own files are private.
    for (const file of ['bihuan.sqlite', 'bihuan.sqlite-wal', 'keys.sqlite', 'jwt-signing.key']) {
      expect([file, statSync(join(dataDir, 'data', file)).mode & 0o777]).toEqual([file, 0o600]);
    }
    expect(statSync(join(dataDir, 'data')).mode & 0o777).toBe(0o700);
    const secrets = { authorization: 'Bearer secret-token-1', cookie: 'sid=secret-cookie-1', 'x-ticket-secret': 'secret-ticket-1' };
    expect(await getStatus(`${base}/nope?page=2`, { 'x-request-id': 'boot-test-1', 'user-agent': 'boot-test-agent', ...secrets })).toBe(
      404,
    );
    const big = await fetch(`${base}/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'boot-test-2' },
      body: JSON.stringify({ blob: 'x'.repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    await eventually(async () => run.stdout().includes('"boot-test-2"'), 'the request log lines', { ms: 30_000, every: 200 });
    const lines = run
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logOf = (id: string) => lines.find((l) => (l['req'] as { id?: string } | undefined)?.id === id);
    expect(logOf('boot-test-1')).toMatchObject({
      level: 'warn',
      req: { method: 'GET', url: '/nope?page=2', userAgent: 'boot-test-agent' },
      res: { statusCode: 404 },
    });
    // Headers are not logged at all: no secret reaches the log, however it is sent.
    expect(run.stdout()).not.toMatch(/secret-(token|cookie|ticket)-1/);
    expect(logOf('boot-test-2')).toMatchObject({ level: 'warn', res: { statusCode: 413 } });
    expect(lines.some((l) => String(l['msg']).startsWith('Worker started'))).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain('Worker stopped');
  });

  it('runs the worker alone (dist/apps/worker) with health and metrics on WORKER_HTTP_PORT, until SIGTERM', async () => {
    const port = await freePort();
    const run = startApi(
      { DATA_DIR: join(dataDir, 'worker'), HOST: '127.0.0.1', WORKER_HTTP_PORT: String(port) },
      join(ROOT, 'dist/apps/worker/src/main.js'),
    );
    running.push(run);
    await eventually(async () => run.stdout().includes('Bihuan worker running'), 'the worker to start', { ms: 30_000, every: 200 });
    expect(run.stdout()).toContain('Worker started');
    // The worker alone tells people too: it reads the directory and the personal-data keys.
    expect(run.stdout()).toContain('Notification producer started');
    const base = `http://127.0.0.1:${port}`;
    expect(await getStatus(`${base}/health/live`)).toBe(200);
    expect(await getStatus(`${base}/health/ready`)).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/bihuan_projection_lag_events\{kind="projection",runner="stream-stats"\} \d+/);
    expect(metrics).toContain('bihuan_dead_letters 0');
    // Health and metrics only: the worker takes no commands.
    expect(await getStatus(`${base}/visits`)).toBe(404);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain('Worker stopped');
  });

  it('exits 1 naming a bad PORT on stderr', async () => {
    const run = startApi({ PORT: 'abc', DATA_DIR: join(dataDir, 'bad') });
    running.push(run);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")');
  });

  it('exits 1 in production naming each weak setting', async () => {
    const run = startApi({ NODE_ENV: 'production', JWT_SECRET: 'too-short', METRICS: 'public', DATA_DIR: join(dataDir, 'prod') });
    running.push(run);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain('JWT_SECRET must be at least 32 characters long');
    expect(run.stderr()).toContain('METRICS must be admin or off when NODE_ENV=production');
  });
});
