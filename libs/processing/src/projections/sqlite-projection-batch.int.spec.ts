import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { ProjectionRunner } from './projection-runner';
import { SqliteProjection } from './sqlite-projection';

const TOTAL = 1_200;

async function storeWith(total: number): Promise<MemoryEventStore> {
  const store = new MemoryEventStore(new FakeClock());
  for (let s = 0; s * 100 < total; s++) {
    const events = Array.from({ length: 100 }, (_, i) => ({
      type: 'Noted',
      data: {},
      metadata: {
        eventId: `e-${s}-${i}`,
        correlationId: 'c',
        causationId: null,
        actor: SYSTEM_ACTOR,
        occurredAt: '2025-03-03T01:00:00.000Z',
        schemaVersion: 1,
      },
    }));
    await store.append(`note-${s}`, events, 'no_stream');
  }
  return store;
}

/** A projection writing one row per event; `fail(position)` makes apply throw there (once, or always). */
function rowsProjection(db: Database.Database, fail: (position: number) => boolean): { projection: SqliteProjection; batches: number[] } {
  db.exec('CREATE TABLE IF NOT EXISTS rows (position INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO rows VALUES (?)');
  const projection = new SqliteProjection({
    name: 'rows',
    db,
    tables: ['rows'],
    apply: (e) => {
      insert.run(e.position);
      if (fail(e.position)) throw new Error(`apply failed at ${e.position}`);
    },
  });
  const batches: number[] = [];
  const handleBatch = projection.handleBatch.bind(projection);
  projection.handleBatch = (events: readonly RecordedEvent[]) => {
    batches.push(events.length);
    handleBatch(events);
  };
  return { projection, batches };
}

const rowCount = (db: Database.Database): number => (db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n;
const duplicates = (db: Database.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM (SELECT position FROM rows GROUP BY position HAVING count(*) > 1)').get() as { n: number }).n;

describe('SqliteProjection in batches: one transaction and one checkpoint per batch', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-batch-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits a batch as a whole: mid-batch nothing is visible to other connections, and a failure leaves none of it', async () => {
    const store = await storeWith(300);
    const page = await store.readAll();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const reader = new Database(file, { readonly: true });
    let seenMidBatch: number | null = null;
    const { projection } = rowsProjection(db, (position) => {
      if (position === 250) seenMidBatch = rowCount(reader);
      return position === 250; // the process "dies" here: the transaction never commits
    });
    projection.handleBatch(page.slice(0, 100));
    expect(() => projection.handleBatch(page.slice(100))).toThrow('apply failed at 250');
    expect(seenMidBatch).toBe(100);
    expect(rowCount(reader)).toBe(100);
    expect(projection.checkpoints.loadSync('rows')).toBe(100);

    // Resumed from the checkpoint with a batch overlapping what was applied: each event exactly once.
    const { projection: resumed } = rowsProjection(db, () => false);
    resumed.handleBatch(page.slice(50));
    expect(rowCount(db)).toBe(300);
    expect(duplicates(db)).toBe(0);
    expect(resumed.checkpoints.loadSync('rows')).toBe(300);
    reader.close();
    db.close();
    await store.close();
  });

  it('through the runner: delivers batches, a failing event rolls back its batch, the restart resumes exactly once', async () => {
    const store = await storeWith(TOTAL);
    const db = new Database(file);
    let failures = 0;
    const checkpointsAtFailure: (number | null)[] = [];
    const rowsAtFailure: number[] = [];
    const { projection, batches } = rowsProjection(db, (position) => position === 777 && failures === 0);
    const runner = new ProjectionRunner(store, projection, {
      checkpoints: projection.checkpoints,
      restartBaseDelayMs: 1,
      onError: () => {
        failures += 1;
        checkpointsAtFailure.push(projection.checkpoints.loadSync('rows'));
        rowsAtFailure.push(rowCount(db));
      },
    });
    await runner.start();
    await waitUntil(() => failures > 0);
    // Nothing of the failed batch: the rows stop exactly at the checkpoint, which is before 777.
    expect(checkpointsAtFailure[0]).toBeLessThan(777);
    expect(rowsAtFailure[0]).toBe(checkpointsAtFailure[0]);
    await waitUntil(() => runner.status().failures === 0 && batches.length > 1);
    await runner.caughtUpTo(TOTAL);
    await runner.stop();
    expect(rowCount(db)).toBe(TOTAL);
    expect(duplicates(db)).toBe(0);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(await runner.lag(TOTAL)).toEqual({ name: 'rows', checkpoint: TOTAL, scanned: null, head: TOTAL, behind: 0 });
    db.close();
    await store.close();
  });
});

/** Polls a condition the runner's restart makes true (no time limit of its own: jest's timeout). */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
