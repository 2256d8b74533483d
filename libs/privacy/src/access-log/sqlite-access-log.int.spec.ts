import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Actor } from '@bihuan/core';
import { accessLogContract } from '../testing/access-log.contract';
import { AccessRecord } from './access-log.port';
import { SqliteAccessLog } from './sqlite-access-log.adapter';

const leader: Actor = { id: 'leader-1', role: 'leader', unit: 'city-1' };
const rec = (i: number): AccessRecord => ({
  at: `2025-03-04T0${i}:00:00.000Z`,
  reader: leader,
  action: 'reveal',
  subjectId: `subj-${i}`,
  caseStream: `complaintTicket-t${i}`,
  purpose: 'follow-up call',
  outcome: 'granted',
});

describe('SqliteAccessLog', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-access-'));
    file = join(dir, 'bihuan.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  accessLogContract('sqlite file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'bihuan-access-c-'));
    const log = SqliteAccessLog.open({ database: join(d, 'bihuan.sqlite') });
    return {
      log,
      teardown: async () => {
        await log.close();
        rmSync(d, { recursive: true, force: true });
      },
    };
  });

  async function seeded(n: number): Promise<void> {
    const log = SqliteAccessLog.open({ database: file });
    for (let i = 1; i <= n; i += 1) await log.record(rec(i));
    await log.close();
  }
  /** What someone with the file (not the app) can do: drop the guards, then change rows. */
  function tamper(sql: string): void {
    const db = new Database(file);
    db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
    db.exec(sql);
    db.close();
  }
  const reopenVerify = async () => {
    const log = SqliteAccessLog.open({ database: file });
    try {
      return await log.verify();
    } finally {
      await log.close();
    }
  };

  it('continues one chain across reopen and across two connections to the same file', async () => {
    await seeded(2);
    const a = SqliteAccessLog.open({ database: file });
    const b = SqliteAccessLog.open({ database: file });
    await a.record(rec(3));
    await b.record(rec(4));
    await a.record(rec(5));
    expect(await b.verify()).toMatchObject({ ok: true, count: 5, lastSeq: 5 });
    await a.close();
    await b.close();
  });

  it('refuses UPDATE and DELETE from the application (append-only triggers)', async () => {
    await seeded(2);
    const db = new Database(file);
    expect(() => db.prepare("UPDATE access_log SET purpose = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_log WHERE seq = 2').run()).toThrow(/append-only/);
    db.close();
    expect(await reopenVerify()).toMatchObject({ ok: true, count: 2 });
  });

  it('finds an edited row', async () => {
    await seeded(4);
    tamper("UPDATE access_log SET reader_id = 'someone-else' WHERE seq = 2");
    expect(await reopenVerify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/edited/) });
  });

  it('finds a removed row in the middle', async () => {
    await seeded(4);
    tamper('DELETE FROM access_log WHERE seq = 3');
    expect(await reopenVerify()).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('finds a cut tail through the head row', async () => {
    await seeded(4);
    tamper('DELETE FROM access_log WHERE seq = 4');
    expect(await reopenVerify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/tail/) });
  });

  it('lives beside other tables in a connection handed in (the main data file)', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE read_model (id TEXT)');
    const log = SqliteAccessLog.open({ database: db });
    await log.record(rec(1));
    await log.close();
    expect(db.open).toBe(true);
    expect((db.prepare('SELECT COUNT(*) AS n FROM access_log').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
