import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The repository root (this file is tools/fault/*.ts, or dist/tools/fault/*.js). */
export const ROOT = resolve(__dirname, __dirname.includes(`${join('dist', 'tools')}`) ? '../../..' : '../..');
export const FAULT_WORKER_JS = join(ROOT, 'dist/tools/fault/fault-worker.js');

/** Newest modification time of the TypeScript sources the build compiles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds dist/ before jest runs; a jest run on its own builds when the fault worker is
 * missing or older than any source (type errors elsewhere still emit JavaScript).
 */
export function ensureBuilt(): void {
  const built = existsSync(FAULT_WORKER_JS) ? statSync(FAULT_WORKER_JS).mtimeMs : 0;
  const newest = Math.max(...['apps', 'libs', 'tools'].map((d) => newestSource(join(ROOT, d))));
  if (built >= newest) return;
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(FAULT_WORKER_JS)) throw error;
  }
}

export interface Proc {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

/** Spawns a process, collecting stdout and stderr together. */
/**
 * A time-shifting wrapper's variables (libfaketime: LD_PRELOAD, FAKETIME*): worker processes must share
 * the test's notion of "now", or deadlines the test sets a few seconds ahead are weeks away for them.
 * Not for redis-server, whose own clock must stay real (it stalls under libfaketime).
 */
function sharedClockEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => /^(LD_PRELOAD|FAKETIME.*)$/.test(e[0]) && typeof e[1] === 'string'),
  );
}

export function spawnProc(command: string, args: readonly string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => out, exited, alive: () => child.exitCode === null && child.signalCode === null };
}

/** The fault worker on DATA_DIR (see fault-worker.ts for the variables). */
export function startFaultWorker(env: Record<string, string>): Proc {
  return spawnProc(process.execPath, ['-r', './tools/register-paths.js', FAULT_WORKER_JS], { ...sharedClockEnv(), ...env });
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms: number, everyMs = 100): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Ends a process and waits for it: SIGKILL (a crash) or SIGTERM (a clean stop). */
export async function kill(proc: Proc, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (proc.alive()) proc.child.kill(signal);
  await proc.exited;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** A throwaway redis-server on `port` that keeps nothing on disk (no RDB, no AOF). */
export function startRedis(port: number, dir: string): Proc {
  return spawnProc('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {});
}
