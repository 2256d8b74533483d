import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, kill, Proc } from '../../../../tools/fault/fault-processes';

/**
 * A fault spec's ground: the fault worker built once, a fresh data folder, and after all tests
 * every process it started SIGKILLed (push them on `procs`), then `cleanup` (e.g. a queue left in a
 * shared Redis), and the folder removed.
 */
export function faultFolder(prefix: string, cleanup: () => Promise<void> = async () => undefined) {
  let dir: string;
  const procs: Proc[] = [];
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), prefix));
  }, 180_000);
  afterAll(async () => {
    for (const p of procs) await kill(p, 'SIGKILL');
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir: (): string => dir, procs };
}
