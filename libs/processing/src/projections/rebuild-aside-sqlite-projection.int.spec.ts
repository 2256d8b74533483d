import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { openSqlite } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildAside, RebuildRefused } from './rebuild-aside';
import { SqliteProjection } from './sqlite-projection';

/** Events per `case-*` stream, with an index: what the API would query. */
function caseCounts(db: Database.Database, options: { poison?: boolean } = {}): SqliteProjection {
  db.exec(
    'CREATE TABLE IF NOT EXISTS case_counts (stream TEXT PRIMARY KEY, events INTEGER NOT NULL, last_type TEXT NOT NULL); CREATE INDEX IF NOT EXISTS case_counts_type ON case_counts (last_type)',
  );
  const upsert = db.prepare(
    'INSERT INTO case_counts VALUES (?, 1, ?) ON CONFLICT (stream) DO UPDATE SET events = events + 1, last_type = excluded.last_type',
  );
  return new SqliteProjection({
    name: 'caseCounts',
    db,
    filter: { categories: ['case'] },
    tables: ['case_counts'],
    apply: (e) => {
      if (options.poison && e.type === 'Poison') throw new Error('cannot project Poison');
      upsert.run(e.streamName, e.type);
    },
  });
}

let n = 0;
const event = (type: string): EventToAppend => ({
  type,
  data: {},
  metadata: {
    eventId: `e-${++n}`,
    correlationId: 'c',
    causationId: null,
    actor: SYSTEM_ACTOR,
    occurredAt: '2025-03-03T01:00:00.000Z',
    schemaVersion: 1,
  },
});
const rows = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM case_counts ORDER BY stream').all();

// TRANSITIONAL: the SqliteProjection form of rebuildAside; delete with SqliteProjection (rebuild-aside.int.spec.ts covers TableProjection).
describe('rebuildAside of a SqliteProjection (real SQLite file, worker running)', () => {
  let dir: string;
  let liveFile: string;
  let asideFile: string;
  let store: SqliteEventStore;
  let worker: Database.Database;
  let api: Database.Database;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-rebuild-'));
    liveFile = join(dir, 'bihuan.sqlite');
    asideFile = join(dir, 'rebuild-caseCounts.sqlite');
    store = SqliteEventStore.open({ file: liveFile, clock: new FakeClock(), pollIntervalMs: 10 });
    for (const id of ['1', '2', '3']) await store.append(`case-${id}`, [event('Opened'), event('Noted'), event('Noted')], 'no_stream');
    await store.append('other-1', [event('Ignored')], 'no_stream');
    worker = openSqlite(liveFile);
    api = openSqlite(liveFile);
    const projection = caseCounts(worker);
    runner = new ProjectionRunner(store, projection, { checkpoints: projection.checkpoints, restartBaseDelayMs: 5 });
    await runner.start();
    await runner.caughtUpTo((await store.headPosition())!);
    // The live model as older code left it: a value the rebuild must correct.
    worker.prepare("UPDATE case_counts SET events = 99 WHERE stream = 'case-1'").run();
  });

  afterEach(async () => {
    await runner.stop();
    worker.close();
    api.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The same projection built from scratch in a fresh file: what the live tables must equal. */
  async function fromScratch(): Promise<unknown[]> {
    const db = new Database(join(dir, `scratch-${++n}.sqlite`));
    const projection = caseCounts(db);
    for (const e of await store.readAll({ filter: projection.filter })) projection.handle(e);
    const built = rows(db);
    db.close();
    return built;
  }

  it('answers from the old model while building, swaps atomically, and the worker carries on after the swap', async () => {
    const seenDuringBuild: unknown[][] = [];
    const result = await rebuildAside({
      store,
      liveFile,
      asideFile,
      build: (db) => caseCounts(db),
      pageSize: 2,
      afterPage: async (checkpoint) => {
        seenDuringBuild.push(rows(api));
        if (checkpoint === 9 && !seenDuringBuild.some((r) => r.length === 4)) {
          // After the last page: a new event arrives, the running worker projects it into the live
          // model, which is now ahead of the rebuild — so the swap waits for one more catch-up.
          await store.append('case-4', [event('Opened')], 'no_stream');
          await runner.caughtUpTo((await store.headPosition())!);
        }
      },
    });

    expect(seenDuringBuild.length).toBeGreaterThan(2);
    for (const seen of seenDuringBuild) expect(seen).toContainEqual({ stream: 'case-1', events: 99, last_type: 'Noted' }); // the old model, until the swap
    expect(seenDuringBuild[seenDuringBuild.length - 1]).toContainEqual({ stream: 'case-4', events: 1, last_type: 'Opened' });
    expect(result).toEqual({ projection: 'caseCounts', position: 11, rows: { case_counts: 4 } });
    expect(rows(api)).toEqual(await fromScratch());
    expect(rows(api)).toContainEqual({ stream: 'case-1', events: 3, last_type: 'Noted' });
    expect(api.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'case_counts' ORDER BY name").pluck().all()).toEqual([
      'case_counts',
      'case_counts_type',
      'sqlite_autoindex_case_counts_1',
    ]);
    expect(existsSync(asideFile)).toBe(false);

    await store.append('case-1', [event('Closed')], 2);
    await runner.caughtUpTo((await store.headPosition())!);
    expect(rows(api)).toEqual(await fromScratch());
    expect(runner.status().failures).toBe(0);
  });

  it('a crash while building, or a failure under the lock, leaves the live model intact; the next rebuild works', async () => {
    const before = rows(api);
    const crash = rebuildAside({
      store,
      liveFile,
      asideFile,
      build: (db) => caseCounts(db),
      pageSize: 2,
      afterPage: () => {
        throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    expect(rows(api)).toEqual(before);

    // The swap fails half-way (a declared table the factory never creates): it is rolled back whole.
    const halfWay = rebuildAside({
      store,
      liveFile,
      asideFile,
      build: (db) => Object.assign(caseCounts(db), { sqlite: { db, tables: ['case_counts', 'missing'] } }),
    });
    await expect(halfWay).rejects.toThrow('The rebuilt read model has no table missing');
    expect(rows(api)).toEqual(before);
    expect(api.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck().get('caseCounts')).toBe(9);

    writeFileSync(asideFile, 'left over by a killed process'); // not a database: discarded, not opened
    await rebuildAside({ store, liveFile, asideFile, build: (db) => caseCounts(db) });
    expect(rows(api)).toEqual(await fromScratch());
  });

  it('refuses a projection that keeps no SQLite read model, touching nothing', async () => {
    const inMemory: Projection = { name: 'memory', handle: () => undefined };
    await expect(rebuildAside({ store, liveFile, asideFile, build: () => inMemory })).rejects.toThrow(RebuildRefused);
    expect(rows(api)).toContainEqual({ stream: 'case-1', events: 99, last_type: 'Noted' });
  });
});
