import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { fingerprintHashOf, keyHashOf, openResponse, sealResponse } from './idempotency-seal';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

idempotencyStoreContract('sqlite in memory (as in e2e tests)', async () => {
  const db = new Database(':memory:');
  return {
    store: SqliteIdempotencyStore.open(db),
    teardown: async () => {
      db.close();
    },
  };
});

idempotencyStoreContract('sqlite file (WAL), two connections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-idem-'));
  const a = new Database(join(dir, 'bihuan.sqlite'));
  a.pragma('journal_mode = WAL');
  const b = new Database(join(dir, 'bihuan.sqlite'));
  b.pragma('busy_timeout = 5000');
  const first = SqliteIdempotencyStore.open(a);
  const second = SqliteIdempotencyStore.open(b);
  // every other call through the second connection, as two API processes would
  let turn = 0;
  const pick = (): SqliteIdempotencyStore => (turn++ % 2 === 0 ? first : second);
  return {
    store: {
      reserve: (r) => pick().reserve(r),
      complete: (...args) => pick().complete(...args),
      release: (...args) => pick().release(...args),
      purgeExpired: (now) => pick().purgeExpired(now),
    },
    teardown: async () => {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteIdempotencyStore: what a reader of the file learns', () => {
  it('holds neither the key nor the answer in clear, and the answer opens only with key and body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-idem-raw-'));
    const db = new Database(join(dir, 'bihuan.sqlite'));
    const store = SqliteIdempotencyStore.open(db);
    const material = {
      scope: 'POST /public/complaints public',
      key: 'key-7f3a-visible',
      fingerprint: 'POST /public/complaints\n{"description":"x"}',
    };
    await store.reserve({
      keyHash: keyHashOf(material),
      fingerprintHash: fingerprintHashOf(material),
      now: 1,
      expiresAt: 10,
      staleBefore: 0,
    });
    const sealed = sealResponse(material, 201, { ticketCode: 'TC-1', secret: 'SECRET-9c1d' });
    await store.complete(keyHashOf(material), fingerprintHashOf(material), sealed, 10);
    db.close();
    const raw = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f)))).toString('latin1');
    expect(raw).not.toContain('SECRET-9c1d');
    expect(raw).not.toContain('key-7f3a-visible');
    expect(raw).not.toContain('description');
    expect(openResponse(material, sealed)).toEqual({ ticketCode: 'TC-1', secret: 'SECRET-9c1d' });
    expect(() => openResponse({ ...material, fingerprint: 'POST /public/complaints\n{"description":"y"}' }, sealed)).toThrow();
    rmSync(dir, { recursive: true, force: true });
  });
});
