import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { Actor } from '@bihuan/core';
import { migrateToLatest, openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { createTestPostgresDatabase, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { accessLogContract } from '../testing/access-log.contract';
import { chainEntry } from './access-log-chain';
import { ACCESS_LOG_MIGRATIONS } from './access-log.migrations';
import { AccessRecord } from './access-log.port';
import { SqlAccessLog } from './sql-access-log.adapter';

const leader: Actor = { id: 'leader-1', role: 'leader', unit: 'city-1' };
/**
 * The message a refused statement failed with ('' when it did not fail). Not `rejects.toThrow`: the
 * native driver's errors may come from another test file's realm in a shared jest worker, and
 * jest then fails to recognise them as errors although the statement was refused.
 */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return '';
  } catch (error) {
    return String((error as { message?: unknown })?.message ?? error);
  }
}

const rec = (i: number): AccessRecord => ({
  at: `2025-03-04T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
  reader: leader,
  action: 'reveal',
  subjectId: `subj-${i}`,
  caseStream: `complaintTicket-t${i}`,
  purpose: 'follow-up call',
  outcome: 'granted',
});

/** What someone who owns the database (not the app) can do: switch the guards off, then change rows. */
async function tamper(database: SqlDatabase, statement: string): Promise<void> {
  const off =
    database.dialect === 'sqlite'
      ? ['DROP TRIGGER access_log_no_update', 'DROP TRIGGER access_log_no_delete']
      : ['ALTER TABLE access_log DISABLE TRIGGER USER'];
  for (const s of [...off, statement]) await sql.raw(s).execute(database.db);
}

describe.each(TEST_SQL_DIALECTS)('SqlAccessLog on $name', (dialect) => {
  accessLogContract(dialect.name, async () => {
    const test = await dialect.open([ACCESS_LOG_MIGRATIONS]);
    const log = new SqlAccessLog(test.database);
    return {
      log,
      teardown: async () => {
        await log.close();
        await test.dispose();
      },
    };
  });

  describe('tamper evidence', () => {
    let test: TestSqlDatabase;
    let log: SqlAccessLog;
    beforeEach(async () => {
      test = await dialect.open([ACCESS_LOG_MIGRATIONS]);
      log = new SqlAccessLog(test.database);
    });
    afterEach(() => test.dispose());
    const seed = async (n: number) => {
      for (let i = 1; i <= n; i += 1) await log.record(rec(i));
    };

    it('refuses UPDATE and DELETE from the application (append-only triggers)', async () => {
      await seed(2);
      const db = log.database.db.withTables<{ access_log: { seq: number; purpose: string } }>();
      expect(await refusal(db.updateTable('access_log').set({ purpose: 'x' }).where('seq', '=', 1).execute())).toMatch(/append-only/);
      expect(await refusal(db.deleteFrom('access_log').where('seq', '=', 2).execute())).toMatch(/append-only/);
      if (dialect.name === 'postgres') expect(await refusal(sql`TRUNCATE access_log`.execute(log.database.db))).toMatch(/append-only/);
      expect(await log.verify()).toMatchObject({ ok: true, count: 2 });
    });

    it('finds an edited row', async () => {
      await seed(4);
      await tamper(log.database, "UPDATE access_log SET reader_id = 'someone-else' WHERE seq = 2");
      expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/edited/) });
    });

    it('finds a removed row in the middle', async () => {
      await seed(4);
      await tamper(log.database, 'DELETE FROM access_log WHERE seq = 3');
      expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 4 });
    });

    it('finds a cut tail through the head row', async () => {
      await seed(4);
      await tamper(log.database, 'DELETE FROM access_log WHERE seq = 4');
      expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/tail/) });
    });

    it('verifies a chain longer than one page of rows', async () => {
      await seed(1001);
      expect(await log.verify()).toMatchObject({ ok: true, count: 1001, lastSeq: 1001 });
    }, 60_000); // a thousand transactions: room for a loaded machine
  });
});

describe('SqlAccessLog shared by several handles', () => {
  it('continues one chain across reopen and across two connections to one SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-access-'));
    const file = join(dir, 'bihuan.sqlite');
    try {
      const first = openSqliteDatabase({ file });
      await migrateToLatest(first, [ACCESS_LOG_MIGRATIONS]);
      await new SqlAccessLog(first).record(rec(1));
      await new SqlAccessLog(first).record(rec(2));
      await first.close();
      const [a, b] = [openSqliteDatabase({ file }), openSqliteDatabase({ file })];
      await migrateToLatest(a, [ACCESS_LOG_MIGRATIONS]);
      await new SqlAccessLog(a).record(rec(3));
      await new SqlAccessLog(b).record(rec(4));
      await new SqlAccessLog(a).record(rec(5));
      expect(await new SqlAccessLog(b).verify()).toMatchObject({ ok: true, count: 5, lastSeq: 5 });
      await a.close();
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps one unbroken chain when two PostgreSQL pools append at once', async () => {
    const server = await createTestPostgresDatabase('accesslog');
    const [a, b] = [
      await openPostgresDatabase({ url: server.url, poolSize: 4 }),
      await openPostgresDatabase({ url: server.url, poolSize: 4 }),
    ];
    try {
      await Promise.all([migrateToLatest(a, [ACCESS_LOG_MIGRATIONS]), migrateToLatest(b, [ACCESS_LOG_MIGRATIONS])]);
      const [logA, logB] = [new SqlAccessLog(a), new SqlAccessLog(b)];
      const entries = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? logA : logB).record(rec(i + 1))));
      expect(entries.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await logA.verify()).toMatchObject({ ok: true, count: 40, lastSeq: 40 });
    } finally {
      await a.close();
      await b.close();
      await server.drop();
    }
  }, 60_000);

  it('adopts an access log written before migrations existed (same tables, same chain)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-access-old-'));
    const file = join(dir, 'bihuan.sqlite');
    try {
      const old = new BetterSqlite3(file);
      old.exec(`CREATE TABLE access_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, reader_id TEXT NOT NULL, reader_role TEXT NOT NULL,
          reader_unit TEXT NOT NULL, action TEXT NOT NULL, subject_id TEXT, case_stream TEXT, purpose TEXT NOT NULL, outcome TEXT NOT NULL,
          prev_hash TEXT, hash TEXT NOT NULL);
        CREATE TABLE access_log_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;`);
      const first = chainEntry(rec(1), null);
      old
        .prepare('INSERT INTO access_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(
          1,
          first.at,
          leader.id,
          leader.role,
          leader.unit,
          'reveal',
          first.subjectId,
          first.caseStream,
          first.purpose,
          'granted',
          null,
          first.hash,
        );
      old.prepare('INSERT INTO access_log_head VALUES (1, 1, ?)').run(first.hash);
      old.close();
      const database = openSqliteDatabase({ file });
      await migrateToLatest(database, [ACCESS_LOG_MIGRATIONS]);
      const log = new SqlAccessLog(database);
      expect((await log.record(rec(2))).prevHash).toBe(first.hash);
      expect(await log.verify()).toMatchObject({ ok: true, count: 2 });
      expect(await refusal(sql`DELETE FROM access_log`.execute(database.db))).toMatch(/append-only/);
      await database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
