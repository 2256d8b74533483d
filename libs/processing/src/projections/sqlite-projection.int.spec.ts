import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { RecordedEvent, SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { SqliteDeadLetterStore } from '../dead-letters/sqlite-dead-letter-store.adapter';
import { PendingDeadlinesProjection } from '../deadlines/pending-deadlines.projection';
import { deadlineSet } from '../testing/messages';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { SqliteProjection } from './sqlite-projection';

const meta = (eventId: string) => ({
  eventId,
  correlationId: 'c',
  causationId: null,
  actor: SYSTEM_ACTOR,
  occurredAt: '2025-03-03T01:00:00.000Z',
  schemaVersion: 1,
});

describe('SQLite checkpoints, projections and dead letters (real file)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-proj-'));
    file = join(dir, 'bihuan.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('SqliteCheckpointStore keeps checkpoints across reopening the file', async () => {
    const a = new SqliteCheckpointStore(file);
    expect(await a.load('p')).toBeNull();
    await a.save('p', 7);
    await a.save('p', 9);
    a.close();
    const b = new SqliteCheckpointStore(file);
    expect(await b.load('p')).toBe(9);
    await b.delete('p');
    expect(await b.load('p')).toBeNull();
    b.close();
  });

  it('given a read model in the store file, when the worker restarts, then it resumes from the checkpoint saved with its rows', async () => {
    const store = SqliteEventStore.open({ file, clock: new FakeClock() });
    await store.append('case-1', [{ ...deadlineSet('2025-03-10T01:00:00.000Z'), metadata: meta('e1') }], 'no_stream');
    await store.append('case-2', [{ ...deadlineSet('2025-03-12T01:00:00.000Z'), metadata: meta('e2') }], 'no_stream');
    let db = new Database(file);
    let projection = PendingDeadlinesProjection.sqlite(db);
    let runner = new ProjectionRunner(store, projection, { checkpoints: projection.checkpoints! });
    await runner.start();
    await runner.caughtUpTo(2);
    await runner.stop();
    db.close();

    await store.append(
      'case-1',
      [{ type: 'DeadlineCleared', data: { deadlineId: 'answer', clearedAt: 'x', outcome: 'met' }, metadata: meta('e3') }],
      0,
    );
    db = new Database(file);
    projection = PendingDeadlinesProjection.sqlite(db);
    expect(await projection.checkpoints!.load('pendingDeadlines')).toBe(2);
    const seen: number[] = [];
    const inner = projection;
    const counted: Projection = {
      name: inner.name,
      filter: inner.filter,
      checkpoints: inner.checkpoints,
      handle: (e: RecordedEvent) => {
        seen.push(e.position);
        inner.handle(e);
      },
    };
    runner = new ProjectionRunner(store, counted, { checkpoints: new SqliteCheckpointStore(db) });
    await runner.start();
    await runner.caughtUpTo(3);
    await runner.stop();
    expect(seen).toEqual([3]);
    expect(projection.pending().map((p) => p.stream)).toEqual(['case-2']);
    db.close();
    await store.close();
  });

  it('SqliteProjection writes rows and checkpoint in one transaction: a failing apply leaves neither', () => {
    const db = new Database(file);
    db.exec('CREATE TABLE rows (position INTEGER)');
    const p = new SqliteProjection({
      name: 'rows',
      db,
      apply: (e, d) => {
        d.prepare('INSERT INTO rows VALUES (?)').run(e.position);
        if (e.type === 'Bad') throw new Error('half-way');
      },
      tables: ['rows'],
    });
    const ev = (position: number, type: string) => ({ position, type }) as RecordedEvent;
    p.handle(ev(1, 'Good'));
    expect(() => p.handle(ev(2, 'Bad'))).toThrow('half-way');
    p.handle(ev(1, 'Good')); // already applied: skipped
    expect(db.prepare('SELECT position FROM rows').all()).toEqual([{ position: 1 }]);
    expect(p.checkpoints.loadSync('rows')).toBe(1);
    p.reset();
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 0 });
    expect(p.checkpoints.loadSync('rows')).toBeNull();
    db.close();
  });

  it('SqliteDeadLetterStore lists, replaces, and removes letters across reopening', async () => {
    const letter = {
      id: 'l1',
      workflow: 'w',
      instance: 'i',
      input: { eventId: 'e', type: 'T', streamName: 's-1', revision: 0, position: 1 },
      error: 'x',
      attempts: 3,
      at: '2025-03-03T01:00:00.000Z',
    };
    const a = new SqliteDeadLetterStore(file);
    await a.put(letter);
    await a.put({ ...letter, id: 'l2', workflow: 'other' });
    await a.put({ ...letter, attempts: 5 });
    a.close();
    const b = new SqliteDeadLetterStore(file);
    expect(await b.list()).toEqual([
      { ...letter, id: 'l2', workflow: 'other' },
      { ...letter, attempts: 5 },
    ]);
    expect(await b.list('w')).toEqual([{ ...letter, attempts: 5 }]);
    await b.remove('l1');
    expect(await b.get('l1')).toBeNull();
    b.close();
  });
});
