import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeyFileOf } from './app-config';
import { ensureSigningKey } from './signing-key';

describe('ensureSigningKey (embedded default)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a random key 0600 on first call and returns the same key afterwards', () => {
    const dataDir = join(dir, 'data');
    const key = ensureSigningKey({ dataDir });
    expect(key).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(signingKeyFileOf({ dataDir })).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(ensureSigningKey({ dataDir })).toBe(key);
    expect(ensureSigningKey({ dataDir: join(dir, 'other') })).not.toBe(key);
  });

  it('refuses a truncated key file instead of signing with it', () => {
    writeFileSync(signingKeyFileOf({ dataDir: dir }), 'short\n');
    expect(() => ensureSigningKey({ dataDir: dir })).toThrow(/fewer than 32 characters: delete it/);
  });
});
