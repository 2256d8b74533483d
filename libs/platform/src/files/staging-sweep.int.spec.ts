import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STALE_STAGING_MS, sweepStaleStaging } from './staging-session';

describe('sweepStaleStaging: what a stopped process left in staging', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-staging-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes files older than a day and keeps newer ones (an upload may still be arriving)', async () => {
    const now = Date.now();
    writeFileSync(join(dir, 'left-by-a-crash'), 'x');
    writeFileSync(join(dir, 'arriving'), 'y');
    mkdirSync(join(dir, 'a-directory'));
    const old = (now - STALE_STAGING_MS - 60_000) / 1000;
    utimesSync(join(dir, 'left-by-a-crash'), old, old);
    expect(await sweepStaleStaging(dir, STALE_STAGING_MS, now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['a-directory', 'arriving']);
  });

  it('is a no-op when there is no staging directory yet', async () => {
    expect(await sweepStaleStaging(join(dir, 'staging'))).toBe(0);
  });
});
