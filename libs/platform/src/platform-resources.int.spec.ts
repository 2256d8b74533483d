import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { loadConfig } from './config/load-config';
import { openEventStore } from './platform-resources';

describe('openEventStore', () => {
  let db: TestPostgresDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestPostgresDatabase('open_store');
    dir = mkdtempSync(join(tmpdir(), 'bihuan-open-store-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('opens the PostgreSQL log when POSTGRES_URL is set (and ESDB_URL is not), the SQLite file otherwise', async () => {
    const clock = new FakeClock();
    const pg = await openEventStore(loadConfig({ POSTGRES_URL: db.url, DATA_DIR: dir }), clock);
    try {
      expect(pg.kind).toBe('postgres');
      await pg.append('case-1', testEvents(2), 'no_stream');
      expect(await pg.readAll()).toHaveLength(2);
    } finally {
      await pg.close();
    }
    const sqlite = await openEventStore(loadConfig({ DATA_DIR: dir }), clock);
    try {
      expect(sqlite.kind).toBe('sqlite');
      expect(await sqlite.readAll()).toEqual([]);
    } finally {
      await sqlite.close();
    }
  });
});
