import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, testEvents } from '@bihuan/testing';
import { verifyLogAndHeads } from '../verify-heads';
import { SqliteEventStore } from './sqlite-event-store.adapter';
import { HeadCache } from './sqlite-head-cache';
import { applyPragmas, createSchema } from './sqlite-schema';
import { SqliteStatements } from './sqlite-statements';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-heads-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function outcome(r: PromiseSettledResult<{ nextExpectedRevision: number }>): number | string {
  return r.status === 'fulfilled' ? r.value.nextExpectedRevision : (r.reason as { code: string }).code;
}

describe('SqliteEventStore head cache', () => {
  it('notices heads another connection moved between its own appends, in both directions', async () => {
    const file = tempFile();
    const clock = new FakeClock();
    const a = SqliteEventStore.open({ file, clock });
    const b = SqliteEventStore.open({ file, clock });
    try {
      await a.append('case-1', testEvents(1), 'no_stream');
      await b.append('case-1', testEvents(1), 0);
      await expect(a.append('case-1', testEvents(1), 0)).rejects.toMatchObject({ code: 'STORE.WRONG_EXPECTED_REVISION' });
      await a.append('case-1', testEvents(1), 1);
      await expect(b.append('case-1', testEvents(1), 1)).rejects.toMatchObject({ actual: 2 });
      expect((await b.append('case-1', testEvents(1), 2)).nextExpectedRevision).toBe(3);
      expect(await verifyLogAndHeads(a)).toMatchObject({ ok: true, streams: 1, events: 4 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('chains several appends to one stream inside one batch', async () => {
    const store = SqliteEventStore.open({ file: tempFile(), clock: new FakeClock() });
    try {
      await store.append('x-1', testEvents(1), 'no_stream');
      const before = store.groupCommitStats();
      const results = await Promise.allSettled([
        store.append('x-1', testEvents(2), 0),
        store.append('x-1', testEvents(1), 0), // stale: the first append of the batch moved the stream
        store.append('x-1', testEvents(1), 2),
        store.append('y-1', testEvents(1), 'no_stream'),
        store.append('y-1', testEvents(3), 0),
      ]);
      expect(store.groupCommitStats().transactions - before.transactions).toBe(1);
      expect(results.map(outcome)).toEqual([2, 'STORE.WRONG_EXPECTED_REVISION', 3, 0, 3]);
      expect(store.streamHeads().get('x-1')?.revision).toBe(3);
      expect(store.streamHeads().get('y-1')?.revision).toBe(3);
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, streams: 2, events: 8 });
    } finally {
      await store.close();
    }
  });

  it('rejects a whole batch whose transaction cannot start, and continues from the log afterwards', async () => {
    const file = tempFile();
    const store = SqliteEventStore.open({ file, clock: new FakeClock(), busyTimeoutMs: 20 });
    const other = new Database(file);
    try {
      await store.append('ok-1', testEvents(1), 'no_stream');
      other.exec('BEGIN IMMEDIATE'); // another process holds the write lock beyond busy_timeout
      const failed = await Promise.allSettled([store.append('ok-1', testEvents(1), 0), store.append('new-1', testEvents(1), 'no_stream')]);
      expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      other.exec('COMMIT');
      expect(await store.readStream('ok-1')).toHaveLength(1);
      const again = await Promise.all([store.append('ok-1', testEvents(1), 0), store.append('new-1', testEvents(1), 'no_stream')]);
      expect(again.map((r) => r.nextExpectedRevision)).toEqual([1, 0]);
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, streams: 2, events: 3 });
    } finally {
      other.close();
      await store.close();
    }
  });

  it('opens a file made with the former recorded_at index, drops it, and keeps its log', async () => {
    const file = tempFile();
    const clock = new FakeClock();
    const first = SqliteEventStore.open({ file, clock });
    await first.append('old-1', testEvents(2), 'no_stream');
    first.database.exec('CREATE INDEX events_recorded_at ON events (recorded_at)');
    await first.close();
    const second = SqliteEventStore.open({ file, clock });
    try {
      const indexes = second.database.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
      expect(indexes).not.toContain('events_recorded_at');
      expect(await second.readStream('old-1', { asOf: { recordedAt: clock.now().toISOString() } })).toHaveLength(2);
      await second.append('old-1', testEvents(1), 1);
      expect(await verifyLogAndHeads(second)).toMatchObject({ ok: true, streams: 1, events: 3 });
    } finally {
      await second.close();
    }
  });
});

describe('HeadCache', () => {
  it('keeps at most its capacity of streams and re-reads the rest from the events', () => {
    const db = new Database(tempFile());
    try {
      applyPragmas(db);
      createSchema(db);
      const sql = new SqliteStatements(db);
      const heads = new HeadCache(sql, 2);
      const insert = db.prepare(
        "INSERT INTO events (stream, revision, category, event_id, type, data, metadata, recorded_at) VALUES (?, ?, 's', ?, 'T', '{}', ?, '')",
      );
      db.transaction(() => {
        heads.begin();
        for (const [i, name] of ['s-1', 's-2', 's-3'].entries()) heads.stage(name, i, `h${i}`);
      }).immediate();
      heads.committedNow();
      // Written through the same connection (not noticed by data_version): only an evicted head is re-read.
      insert.run('s-1', 0, 'e-1', JSON.stringify({ eventId: 'e-1', hash: 'log' }));
      insert.run('s-2', 1, 'e-2', JSON.stringify({ eventId: 'e-2', hash: 'log2' }));
      expect(heads.get('s-3')).toEqual({ revision: 2, hash: 'h2' });
      expect(heads.get('s-1')).toEqual({ revision: 0, hash: 'log' }); // evicted, so read from its newest event
      expect(heads.get('s-3')).toEqual({ revision: 2, hash: 'h2' }); // still cached
      expect(heads.get('s-2')).toEqual({ revision: 1, hash: 'log2' }); // evicted by reading s-1
      heads.rolledBack();
      expect(heads.get('s-3')).toBeNull(); // forgotten, and never written to the log
      expect(heads.get('nope-1')).toBeNull();
    } finally {
      db.close();
    }
  });
});
