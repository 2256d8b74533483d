import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, testEvent, testEvents } from '@bihuan/testing';
import { verifyLogAndHeads } from '../verify-heads';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-gaps-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function positionsAndSeq(db: Database.Database): { positions: number[]; seq: number | undefined } {
  return {
    positions: db.prepare<[], number>('SELECT position FROM events ORDER BY position').pluck().all(),
    seq: db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get(),
  };
}

/** The claim whole-log verify rests on: whatever fails or is refused, positions stay 1..n. */
describe('SqliteEventStore positions are gapless', () => {
  it('after failed and refused appends inside a batch, alone, and in a batch that could not start', async () => {
    const file = tempFile();
    const store = SqliteEventStore.open({ file, clock: new FakeClock(), busyTimeoutMs: 20 });
    const other = new Database(file);
    try {
      await store.append('a-1', [testEvent('T', {}, 'taken')], 'no_stream');
      const before = store.groupCommitStats().transactions;
      const batch = await Promise.allSettled([
        store.append('b-1', testEvents(1), 'no_stream'),
        store.append('c-1', [testEvent('T', {}, 'taken')], 'no_stream'), // one event: its INSERT fails
        store.append('d-1', [testEvent('T'), testEvent('T'), testEvent('T', {}, 'taken')], 'no_stream'), // savepoint rolled back after 2 INSERTs
        store.append('a-1', testEvents(1), 'no_stream'), // refused before any INSERT
        store.append('b-1', testEvents(2), 0),
      ]);
      expect(store.groupCommitStats().transactions - before).toBe(1);
      expect(batch.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
      // Alone in their turn: a whole transaction rolled back after two INSERTs, and a refusal.
      await expect(store.append('e-1', [testEvent('T'), testEvent('T'), testEvent('T', {}, 'taken')], 'no_stream')).rejects.toMatchObject({
        code: 'STORE.DUPLICATE_EVENT_ID',
      });
      await expect(store.append('a-1', testEvents(1), 5)).rejects.toMatchObject({ code: 'STORE.WRONG_EXPECTED_REVISION' });
      // An idempotent replay writes nothing.
      expect(await store.append('a-1', [testEvent('T', {}, 'taken')], 'no_stream')).toMatchObject({ written: false });
      // A batch whose BEGIN IMMEDIATE times out.
      other.exec('BEGIN IMMEDIATE');
      const blocked = await Promise.allSettled([
        store.append('f-1', testEvents(1), 'no_stream'),
        store.append('g-1', testEvents(2), 'no_stream'),
      ]);
      other.exec('COMMIT');
      expect(blocked.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      const last = await store.append('a-1', testEvents(2), 0);

      expect(last.position).toBe(6);
      expect(positionsAndSeq(other)).toEqual({ positions: [1, 2, 3, 4, 5, 6], seq: 6 });
      expect(store.checkContinuity()).toBeNull();
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, events: 6, streams: 2 });
    } finally {
      other.close();
      await store.close();
    }
  });

  it('an empty log has nothing to check', async () => {
    const store = SqliteEventStore.open({ file: tempFile(), clock: new FakeClock() });
    try {
      expect(store.checkContinuity()).toBeNull();
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, events: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('SqliteEventStore gap check', () => {
  let file: string;
  let store: SqliteEventStore;
  let intruder: Database.Database;

  beforeEach(async () => {
    file = tempFile();
    store = SqliteEventStore.open({ file, clock: new FakeClock() });
    for (let i = 1; i <= 6; i++) await store.append(`s-${i}`, testEvents(1), 'no_stream'); // s-i at position i
    intruder = new Database(file);
  });

  afterEach(async () => {
    intruder.close();
    await store.close();
  });

  it('names the event after a deleted one (here a whole one-event stream, which the chain cannot see)', async () => {
    intruder.exec('DELETE FROM events WHERE position = 3');
    const gap = store.checkContinuity();
    expect(gap).toMatchObject({ streamName: 's-4', revision: 0, position: 4, problem: 'missing' });
    expect(gap!.detail).toContain('position 3 is missing');
    expect(await verifyLogAndHeads(store)).toMatchObject({ ok: false, firstBreak: gap });
  });

  it('reports a run of deleted positions, and a deleted first event', async () => {
    intruder.exec('DELETE FROM events WHERE position IN (1, 2)');
    expect(store.checkContinuity()).toMatchObject({
      streamName: 's-3',
      position: 3,
      detail: expect.stringContaining('positions 1–2 are missing'),
    });
  });

  it('catches a deleted global tail against sqlite_sequence', async () => {
    intruder.exec('DELETE FROM events WHERE position >= 5');
    const gap = store.checkContinuity();
    expect(gap).toMatchObject({ streamName: '', revision: -1, position: 5, problem: 'missing' });
    expect(gap!.detail).toContain('newest 2 events were deleted');
    expect(await verifyLogAndHeads(store)).toMatchObject({ ok: false, firstBreak: { position: 5, problem: 'missing' } });
  });

  it('catches a log emptied entirely', async () => {
    intruder.exec('DELETE FROM events');
    expect(store.checkContinuity()).toMatchObject({ streamName: '', position: 1, problem: 'missing' });
  });
});
