import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { createTestPostgresDatabase, TEST_SQL_DIALECTS } from '@bihuan/testing';
import { PLATFORM_TABLE_MIGRATIONS } from '../platform.migrations';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { IdempotencyStore } from './idempotency-store.port';
import { fingerprintHashOf, keyHashOf, openResponse, sealResponse } from './idempotency-seal';
import { TableIdempotencyStore } from './table-idempotency-store.adapter';

for (const dialect of TEST_SQL_DIALECTS) {
  idempotencyStoreContract(`table on ${dialect.name}`, async () => {
    const test = await dialect.open([PLATFORM_TABLE_MIGRATIONS]);
    return { store: new TableIdempotencyStore(test.database), teardown: () => test.dispose() };
  });
}

/** Every other call through the second handle, as two API processes would. */
function alternating(first: IdempotencyStore, second: IdempotencyStore): IdempotencyStore {
  let turn = 0;
  const pick = (): IdempotencyStore => (turn++ % 2 === 0 ? first : second);
  return {
    reserve: (r) => pick().reserve(r),
    complete: (...args) => pick().complete(...args),
    renew: (...args) => pick().renew(...args),
    release: (...args) => pick().release(...args),
    purgeExpired: (now) => pick().purgeExpired(now),
  };
}

idempotencyStoreContract('table on a SQLite file (WAL), two connections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-idem-'));
  const a = openSqliteDatabase({ file: join(dir, 'bihuan.sqlite') });
  const b = openSqliteDatabase({ file: join(dir, 'bihuan.sqlite') });
  await migrateToLatest(a, [PLATFORM_TABLE_MIGRATIONS]);
  return {
    store: alternating(new TableIdempotencyStore(a), new TableIdempotencyStore(b)),
    teardown: async () => {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

idempotencyStoreContract('table on PostgreSQL, two pools', async () => {
  const server = await createTestPostgresDatabase('idem');
  const pools: SqlDatabase[] = [await openPostgresDatabase({ url: server.url }), await openPostgresDatabase({ url: server.url })];
  await migrateToLatest(pools[0]!, [PLATFORM_TABLE_MIGRATIONS]);
  return {
    store: alternating(new TableIdempotencyStore(pools[0]!), new TableIdempotencyStore(pools[1]!)),
    teardown: async () => {
      for (const pool of pools) await pool.close();
      await server.drop();
    },
  };
});

describe('TableIdempotencyStore: what a reader of the SQLite file learns', () => {
  it('holds neither the key nor the answer in clear, and the answer opens only with key and body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-idem-raw-'));
    const database = openSqliteDatabase({ file: join(dir, 'bihuan.sqlite') });
    await migrateToLatest(database, [PLATFORM_TABLE_MIGRATIONS]);
    const store = new TableIdempotencyStore(database);
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
    await database.close();
    const raw = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f)))).toString('latin1');
    expect(raw).not.toContain('SECRET-9c1d');
    expect(raw).not.toContain('key-7f3a-visible');
    expect(raw).not.toContain('description');
    expect(openResponse(material, sealed)).toEqual({ ticketCode: 'TC-1', secret: 'SECRET-9c1d' });
    expect(() => openResponse({ ...material, fingerprint: 'POST /public/complaints\n{"description":"y"}' }, sealed)).toThrow();
    rmSync(dir, { recursive: true, force: true });
  });
});
