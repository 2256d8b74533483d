import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { Actor } from '@bihuan/core';
import { migrateToLatest, openPostgresDatabase, openSqliteDatabase } from '@bihuan/database';
import { createTestPostgresDatabase, TEST_SQL_DIALECTS } from '@bihuan/testing';
import { subjectKeyStoreContract } from '../testing/subject-key-store.contract';
import { defaultKeyStoreFile, PRIVACY_SCHEMA } from './privacy-database';
import { PRIVACY_MIGRATIONS } from './privacy.migrations';
import { SqlSubjectKeyStore } from './sql-subject-key-store.adapter';

const admin: Actor = { id: 'admin-1', role: 'admin', unit: 'city-1' };
const erasure = { erasedBy: admin, reason: 'request #7', at: '2025-03-04T02:00:00.000Z' };

/** Every byte of every file SQLite keeps in `dir` (main file, journal, WAL, shm). */
function rawBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

describe.each(TEST_SQL_DIALECTS)('SqlSubjectKeyStore on $name', (dialect) => {
  subjectKeyStoreContract(`a ${dialect.name} database handed in`, async () => {
    const test = await dialect.open([PRIVACY_MIGRATIONS]);
    const store = new SqlSubjectKeyStore(test.database);
    return {
      store,
      teardown: async () => {
        await store.close();
        await test.dispose();
      },
    };
  });
});

describe('SqlSubjectKeyStore.open', () => {
  subjectKeyStoreContract('keys.sqlite in the data directory', async () => {
    const d = mkdtempSync(join(tmpdir(), 'bihuan-keys-c-'));
    const store = await SqlSubjectKeyStore.open({ dataDir: d, url: null });
    return {
      store,
      teardown: async () => {
        await store.close();
        rmSync(d, { recursive: true, force: true });
      },
    };
  });

  subjectKeyStoreContract('schema privacy of a PostgreSQL database', async () => {
    const server = await createTestPostgresDatabase('keys');
    const store = await SqlSubjectKeyStore.open({ dataDir: '/nonexistent', url: server.url });
    return {
      store,
      teardown: async () => {
        await store.close();
        await server.drop();
      },
    };
  });

  it('keeps the keys in schema privacy on PostgreSQL, nothing in public', async () => {
    const server = await createTestPostgresDatabase('keys');
    try {
      const store = await SqlSubjectKeyStore.open({ dataDir: '/nonexistent', url: server.url });
      await store.create('subj-a');
      await store.close();
      const admin = await openPostgresDatabase({ url: server.url });
      const { rows } = await sql<{ table_schema: string; table_name: string }>`
        SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'privacy') ORDER BY 1, 2`.execute(
        admin.db,
      );
      await admin.close();
      expect(rows.map((r) => `${r.table_schema}.${r.table_name}`)).toEqual([
        `${PRIVACY_SCHEMA}.bihuan_migrations`,
        `${PRIVACY_SCHEMA}.bihuan_migrations_lock`,
        `${PRIVACY_SCHEMA}.subject_keys`,
      ]);
    } finally {
      await server.drop();
    }
  });
});

describe('SqlSubjectKeyStore on the key file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys and tombstones across a reopen', async () => {
    const first = await SqlSubjectKeyStore.open({ dataDir: dir, url: null });
    await first.create('subj-a');
    await first.create('subj-b');
    const key = (await first.get('subj-a')) as Buffer;
    await first.erase('subj-b', erasure);
    await first.close();

    const second = await SqlSubjectKeyStore.open({ dataDir: dir, url: null });
    expect(((await second.get('subj-a')) as Buffer).equals(key)).toBe(true);
    expect(await second.get('subj-b')).toBe('erased');
    expect((await second.info('subj-b'))?.erasure).toEqual(erasure);
    await second.close();
  });

  it('creates the key file readable by its owner only, with a rollback journal', async () => {
    const store = await SqlSubjectKeyStore.open({ dataDir: dir, url: null });
    expect(String(store.database.sqlite?.pragma('journal_mode', { simple: true }))).toBe('delete');
    await store.close();
    expect(statSync(defaultKeyStoreFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('removes the erased key bytes from the file on disk, and keeps the others', async () => {
    const store = await SqlSubjectKeyStore.open({ dataDir: dir, url: null });
    const subjects = Array.from({ length: 50 }, (_, i) => `subj-${i}`);
    for (const s of subjects) await store.create(s);
    const victim = (await store.get('subj-17')) as Buffer;
    const survivor = (await store.get('subj-18')) as Buffer;
    expect(rawBytes(dir).includes(victim)).toBe(true);

    await store.erase('subj-17', erasure);
    await store.close();

    const bytes = rawBytes(dir);
    expect(bytes.includes(victim)).toBe(false);
    expect(bytes.includes(survivor)).toBe(true);
    expect(bytes.includes(Buffer.from('request #7'))).toBe(true);
  });

  it('removes the erased key bytes from a WAL database handed in, after checkpointing', async () => {
    const database = openSqliteDatabase({ file: join(dir, 'shared.sqlite') });
    await migrateToLatest(database, [PRIVACY_MIGRATIONS]);
    const store = new SqlSubjectKeyStore(database);
    await store.create('subj-a');
    await store.create('subj-b');
    const victim = (await store.get('subj-a')) as Buffer;
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await store.erase('subj-a', erasure);
    expect(rawBytes(dir).includes(victim)).toBe(false);
    await store.close();
    await database.close();
    expect(rawBytes(dir).includes(victim)).toBe(false);
  });

  it('adopts a key file written before migrations existed', async () => {
    const old = new BetterSqlite3(defaultKeyStoreFile(dir));
    old.exec(`CREATE TABLE subject_keys (subject_id TEXT PRIMARY KEY, key BLOB, created_at TEXT NOT NULL, erased_at TEXT,
      erased_by TEXT, erased_reason TEXT, CHECK ((key IS NULL) = (erased_at IS NOT NULL))) WITHOUT ROWID`);
    const key = Buffer.alloc(16, 7);
    old.prepare('INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)').run('subj-old', key, '2025-01-01T00:00:00.000Z');
    old.close();
    const store = await SqlSubjectKeyStore.open({ dataDir: dir, url: null });
    expect(((await store.get('subj-old')) as Buffer).equals(key)).toBe(true);
    expect(await store.erase('subj-old', erasure)).toBe(true);
    expect(await store.stats()).toEqual({ active: 0, erased: 1 });
    await store.close();
  });
});
