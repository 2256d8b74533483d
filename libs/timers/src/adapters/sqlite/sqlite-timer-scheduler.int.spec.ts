import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import { timerSchedulerContract } from '@bihuan/testing';
import { SqliteTimerScheduler, SqliteTimerSchedulerOptions } from './sqlite-timer-scheduler.adapter';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const waitUntil = async (iso: string) => {
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
};
const fast: Omit<SqliteTimerSchedulerOptions, 'file'> = { clock: new SystemClock(), pollMs: 50, backoff: { baseMs: 200, maxMs: 1_000 } };

function tmpFile(): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-timers-'));
  return { file: join(dir, 'bihuan.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

timerSchedulerContract('sqlite', async () => {
  const { file, cleanup } = tmpFile();
  const scheduler = await SqliteTimerScheduler.open({ file, ...fast });
  return {
    scheduler,
    clock: null,
    advance: waitUntil,
    teardown: async () => {
      await scheduler.close();
      cleanup();
    },
  };
});

describe('SqliteTimerScheduler', () => {
  let file: string;
  let cleanup: () => void;
  beforeEach(() => ({ file, cleanup } = tmpFile()));
  afterEach(() => cleanup());

  it('lives beside the event store tables in the same file, in WAL mode', async () => {
    const store = new BetterSqlite3(file);
    store.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL)');
    const scheduler = await SqliteTimerScheduler.open({ file, ...fast });
    await scheduler.schedule({ id: 'beside-store', dueAt: '2030-01-01T00:00:00.000Z', payload: {} });
    const tables = store.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['events', 'timers']);
    expect(store.pragma('journal_mode', { simple: true })).toBe('wal');
    await scheduler.close();
    store.close();
  });

  it('two schedulers on one file (two connections, as two processes) deliver each of 300 timers exactly once', async () => {
    const a = await SqliteTimerScheduler.open({ file, ...fast, owner: 'proc-a', batchSize: 20 });
    const b = await SqliteTimerScheduler.open({ file, ...fast, owner: 'proc-b', batchSize: 20 });
    const seen: string[] = [];
    const byOwner = { a: 0, b: 0 };
    await a.start(async (t) => void (seen.push(t.id), byOwner.a++));
    await b.start(async (t) => void (seen.push(t.id), byOwner.b++));
    const due = Date.now() + 300;
    await a.scheduleMany(
      Array.from({ length: 300 }, (_, i) => ({ id: `two.${i}`, dueAt: new Date(due + (i % 30) * 10).toISOString(), payload: {} })),
    );
    for (let i = 0; i < 300 && seen.length < 300; i++) await sleep(50);
    await sleep(300);
    await a.close();
    await b.close();
    expect(seen.length).toBe(300);
    expect(new Set(seen).size).toBe(300);
  });

  it('reclaims a timer whose lease expired (its holder crashed) and delivers it as attempt 2', async () => {
    const crashed = await SqliteTimerScheduler.open({ file, ...fast, owner: 'crashed', leaseMs: 300 });
    await crashed.schedule({ id: 'orphan', dueAt: new Date(Date.now() - 1_000).toISOString(), payload: { x: 1 } });
    // The crashed process had claimed the row: a lease that is about to run out, nobody renewing it.
    const raw = new BetterSqlite3(file);
    raw.prepare(`UPDATE timers SET lease_owner = 'crashed', lease_until = ?, attempt = 1`).run(Date.now() + 1_500);
    const survivor = await SqliteTimerScheduler.open({ file, ...fast, owner: 'survivor' });
    const seen: { id: string; attempt: number; at: number }[] = [];
    await survivor.start(async (t) => void seen.push({ id: t.id, attempt: t.attempt, at: Date.now() }));
    await sleep(100);
    expect(seen).toEqual([]);
    for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(50);
    expect(seen.map(({ id, attempt }) => ({ id, attempt }))).toEqual([{ id: 'orphan', attempt: 2 }]);
    await survivor.close();
    await crashed.close();
    raw.close();
  });

  describe('beside a transaction another connection of this process holds across promise jobs (ADR 0030)', () => {
    /**
     * What a read model's Kysely batch does on its own connection: BEGIN, a write (the file's write
     * lock is now held), more statements some promise jobs apart, COMMIT, all within one turn.
     */
    const heldAcrossJobs = (connection: BetterSqlite3.Database, jobs = 50): Promise<void> => {
      connection.exec('BEGIN');
      connection.prepare('INSERT INTO read_model (n) VALUES (1)').run();
      return (async () => {
        for (let i = 0; i < jobs; i++) await Promise.resolve();
        connection.exec('COMMIT');
      })();
    };
    let other: BetterSqlite3.Database;
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    const connections: BetterSqlite3.Database[] = [];
    /** Its own connection waits 200 ms for a lock, not 5 s: a write run amid the transaction fails fast. */
    const openScheduler = () => {
      const connection = new BetterSqlite3(file);
      connection.pragma('journal_mode = WAL');
      connection.pragma('busy_timeout = 200');
      connections.push(connection);
      return SqliteTimerScheduler.open({ file: connection, ...fast });
    };
    beforeEach(() => {
      other = new BetterSqlite3(file);
      other.pragma('journal_mode = WAL');
      other.exec('CREATE TABLE read_model (n INTEGER)');
      warnings.length = 0;
      process.on('warning', onWarning);
    });
    afterEach(() => {
      process.off('warning', onWarning);
      other.close();
      for (const connection of connections.splice(0)) connection.close();
    });

    it('arms a timer asked for amid the transaction once it has committed, not waiting on it with the process blocked', async () => {
      const scheduler = await openScheduler();
      const batch = heldAcrossJobs(other);
      // Run at once, this upsert waited busy_timeout for a lock its own process could not release, then failed.
      const scheduled = scheduler.schedule({ id: 'amid', dueAt: '2030-01-01T00:00:00.000Z', payload: {} });
      await Promise.all([batch, scheduled]);
      expect(await scheduler.pending()).toEqual([{ id: 'amid', dueAt: '2030-01-01T00:00:00.000Z', payload: {} }]);
      expect(other.prepare('SELECT COUNT(*) FROM read_model').pluck().get()).toBe(1);
      await scheduler.close();
    });

    it('records a delivery that finished amid the transaction, without a failed write', async () => {
      const scheduler = await openScheduler();
      const batches: Promise<void>[] = [];
      const delivered: string[] = [];
      // The handler answers while the batch still holds the lock: the completion is asked for amid it.
      await scheduler.start(async (timer) => {
        batches.push(heldAcrossJobs(other));
        delivered.push(timer.id);
      });
      await scheduler.scheduleMany(
        ['a', 'b', 'c'].map((id) => ({ id: `done.${id}`, dueAt: new Date(Date.now() - 1_000).toISOString(), payload: {} })),
      );
      for (let i = 0; i < 200 && (await scheduler.pending()).length > 0; i++) await sleep(25);
      await Promise.all(batches);
      expect(delivered.sort()).toEqual(['done.a', 'done.b', 'done.c']);
      expect(await scheduler.pending()).toEqual([]);
      expect(warnings.filter((w) => w.includes('SqliteTimerScheduler'))).toEqual([]);
      await scheduler.close();
    });
  });

  it('parks a timer after maxAttempts, keeping the last error', async () => {
    const scheduler = await SqliteTimerScheduler.open({ file, ...fast, maxAttempts: 2, backoff: { baseMs: 50, maxMs: 50 } });
    let calls = 0;
    await scheduler.start(async () => {
      calls++;
      throw new Error('always fails');
    });
    await scheduler.schedule({ id: 'doomed', dueAt: new Date().toISOString(), payload: {} });
    const raw = new BetterSqlite3(file);
    const row = () =>
      raw.prepare(`SELECT due_at, attempt, last_error FROM timers WHERE id = 'doomed'`).get() as {
        due_at: number | null;
        attempt: number;
        last_error: string;
      };
    for (let i = 0; i < 100 && row().due_at !== null; i++) await sleep(50);
    await sleep(300);
    expect(calls).toBe(2);
    expect(row()).toEqual({ due_at: null, attempt: 2, last_error: 'Error: always fails' });
    expect(await scheduler.pending()).toEqual([]);
    await scheduler.close();
    raw.close();
  });
});
