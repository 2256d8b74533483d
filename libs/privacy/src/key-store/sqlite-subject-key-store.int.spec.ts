import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Actor } from '@bihuan/core';
import { subjectKeyStoreContract } from '../testing/subject-key-store.contract';
import { defaultKeyStoreFile, SqliteSubjectKeyStore } from './sqlite-subject-key-store.adapter';

const admin: Actor = { id: 'admin-1', role: 'admin', unit: 'city-1' };
const erasure = { erasedBy: admin, reason: 'request #7', at: '2025-03-04T02:00:00.000Z' };

/** Every byte of every file SQLite keeps for `file` (main file, journal, WAL, shm). */
function rawBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

describe('SqliteSubjectKeyStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  subjectKeyStoreContract('sqlite file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'bihuan-keys-c-'));
    const store = SqliteSubjectKeyStore.open({ database: defaultKeyStoreFile(d) });
    return {
      store,
      teardown: async () => {
        await store.close();
        rmSync(d, { recursive: true, force: true });
      },
    };
  });

  subjectKeyStoreContract('sqlite connection (WAL) handed in', async () => {
    const d = mkdtempSync(join(tmpdir(), 'bihuan-keys-w-'));
    const db = new Database(join(d, 'shared.sqlite'));
    db.pragma('journal_mode = WAL');
    const store = SqliteSubjectKeyStore.open({ database: db });
    return {
      store,
      teardown: async () => {
        await store.close();
        db.close();
        rmSync(d, { recursive: true, force: true });
      },
    };
  });

  it('keeps keys and tombstones across a reopen', async () => {
    const file = defaultKeyStoreFile(dir);
    const first = SqliteSubjectKeyStore.open({ database: file });
    await first.create('subj-a');
    await first.create('subj-b');
    const key = (await first.get('subj-a')) as Buffer;
    await first.erase('subj-b', erasure);
    await first.close();

    const second = SqliteSubjectKeyStore.open({ database: file });
    expect(((await second.get('subj-a')) as Buffer).equals(key)).toBe(true);
    expect(await second.get('subj-b')).toBe('erased');
    expect((await second.info('subj-b'))?.erasure).toEqual(erasure);
    await second.close();
  });

  it('creates the key file readable by its owner only', async () => {
    const file = defaultKeyStoreFile(dir);
    const store = SqliteSubjectKeyStore.open({ database: file });
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('removes the erased key bytes from the file on disk, and keeps the others', async () => {
    const file = defaultKeyStoreFile(dir);
    const store = SqliteSubjectKeyStore.open({ database: file });
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
    const db = new Database(join(dir, 'shared.sqlite'));
    db.pragma('journal_mode = WAL');
    const store = SqliteSubjectKeyStore.open({ database: db });
    await store.create('subj-a');
    await store.create('subj-b');
    const victim = (await store.get('subj-a')) as Buffer;
    db.pragma('wal_checkpoint(TRUNCATE)');
    await store.erase('subj-a', erasure);
    expect(rawBytes(dir).includes(victim)).toBe(false);
    db.close();
    expect(rawBytes(dir).includes(victim)).toBe(false);
  });
});
