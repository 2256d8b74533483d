import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { MigrationSet, migrateToLatest, openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { PROCESSING_MIGRATIONS } from '../processing.migrations';
import { asideLocationOf, RebuildRefused } from './aside-tables';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildAside } from './rebuild-aside';
import { TableProjection } from './table-projection';

type Tables = {
  case_counts: { stream: string; events: number; last_type: string; first_type?: string | null };
  case_types: { type: string; events: number };
};

const CASES: MigrationSet = {
  owner: 'spec',
  migrations: {
    '0001-cases': async (db) => {
      await db.schema
        .createTable('case_counts')
        .addColumn('stream', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('last_type', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_counts_type').on('case_counts').column('last_type').execute();
      await db.schema
        .createTable('case_types')
        .addColumn('type', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};
/** A schema change: a column and its index, filled by the next version of the projection. */
const FIRST_TYPE: MigrationSet = {
  owner: 'spec2',
  migrations: {
    '0002-first-type': async (db) => {
      await db.schema.alterTable('case_counts').addColumn('first_type', 'text').execute();
      await db.schema.createIndex('case_counts_first').on('case_counts').column('first_type').execute();
    },
  },
};

/** Events per `case-*` stream and per type. */
function caseCounts(database: SqlDatabase, options: { firstType?: boolean } = {}): TableProjection<Tables> {
  return new TableProjection<Tables>(database, {
    name: 'caseCounts',
    filter: { categories: ['case'] },
    tables: ['case_counts', 'case_types'],
    apply: async (e, db: Kysely<Tables>) => {
      await db
        .insertInto('case_counts')
        .values({ stream: e.streamName, events: 1, last_type: e.type, ...(options.firstType ? { first_type: e.type } : {}) })
        .onConflict((oc) =>
          oc
            .column('stream')
            .doUpdateSet({ events: (eb) => eb('case_counts.events', '+', 1), last_type: (eb) => eb.ref('excluded.last_type') }),
        )
        .execute();
      await db
        .insertInto('case_types')
        .values({ type: e.type, events: 1 })
        .onConflict((oc) => oc.column('type').doUpdateSet({ events: (eb) => eb('case_types.events', '+', 1) }))
        .execute();
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
const rows = (database: SqlDatabase): Promise<unknown[]> =>
  database.db.withTables<Tables>().selectFrom('case_counts').selectAll().orderBy('stream').execute();

async function indexNames(database: SqlDatabase): Promise<string[]> {
  const found =
    database.dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'case_counts'`.execute(database.db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_counts'`.execute(database.db);
  return found.rows.map((r) => r.name).sort();
}

describe.each(TEST_SQL_DIALECTS)('rebuildAside of a TableProjection on $name (worker running)', (dialect) => {
  let dir: string;
  let store: SqliteEventStore;
  let worker: SqlDatabase;
  let api: SqlDatabase;
  let pg: TestSqlDatabase | null;
  let aside: string;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-rebuild-'));
    // On SQLite the log and the read models share the file, as in the embedded default.
    const liveFile = join(dir, 'bihuan.sqlite');
    store = SqliteEventStore.open({ file: liveFile, clock: new FakeClock(), pollIntervalMs: 10 });
    if (dialect.name === 'postgres') {
      pg = await dialect.open([PROCESSING_MIGRATIONS, CASES]);
      worker = pg.database;
      api = await openPostgresDatabase({ url: worker.url!, poolSize: 2 });
    } else {
      pg = null;
      worker = openSqliteDatabase({ file: liveFile });
      api = openSqliteDatabase({ file: liveFile });
      await migrateToLatest(worker, [PROCESSING_MIGRATIONS, CASES]);
    }
    aside = asideLocationOf(worker, 'caseCounts');
    for (const id of ['1', '2', '3']) await store.append(`case-${id}`, [event('Opened'), event('Noted'), event('Noted')], 'no_stream');
    await store.append('other-1', [event('Ignored')], 'no_stream');
    const projection = caseCounts(worker);
    runner = new ProjectionRunner(store, projection, { checkpoints: projection.checkpoints, restartBaseDelayMs: 5 });
    await runner.start();
    await runner.caughtUpTo((await store.headPosition())!);
    // The live model as older code left it: a value the rebuild must correct.
    await worker.db.withTables<Tables>().updateTable('case_counts').set({ events: 99 }).where('stream', '=', 'case-1').execute();
  });

  afterEach(async () => {
    await runner.stop();
    await api.close();
    if (pg) await pg.dispose();
    else await worker.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The same projection built from scratch in a fresh database: what the live tables must equal. */
  async function fromScratch(options: { firstType?: boolean } = {}): Promise<unknown[]> {
    const database = openSqliteDatabase({ file: ':memory:' });
    await migrateToLatest(database, [PROCESSING_MIGRATIONS, CASES, ...(options.firstType ? [FIRST_TYPE] : [])]);
    const projection = caseCounts(database, options);
    await projection.handleBatch(await store.readAll({ filter: projection.filter }));
    const built = await rows(database);
    await database.close();
    return built;
  }

  async function asideExists(): Promise<boolean> {
    if (worker.dialect === 'sqlite') return existsSync(aside);
    const found = await sql`SELECT 1 FROM pg_namespace WHERE nspname = ${aside}`.execute(worker.db);
    return found.rows.length > 0;
  }

  const checkpoint = async (): Promise<number | null> => caseCounts(api).checkpoints.load('caseCounts');

  it('answers from the old model while building, swaps atomically, and the worker carries on after the swap', async () => {
    const indexesBefore = await indexNames(api);
    const seenDuringBuild: unknown[][] = [];
    const result = await rebuildAside({
      store,
      live: worker,
      aside,
      build: (database) => caseCounts(database),
      pageSize: 2,
      afterPage: async (at) => {
        seenDuringBuild.push(await rows(api));
        if (at === 9 && !seenDuringBuild.some((r) => r.length === 4)) {
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
    expect(result).toEqual({ projection: 'caseCounts', position: 11, rows: { case_counts: 4, case_types: 2 } });
    expect(await rows(api)).toEqual(await fromScratch());
    expect(await rows(api)).toContainEqual({ stream: 'case-1', events: 3, last_type: 'Noted' });
    expect(await indexNames(api)).toEqual(indexesBefore);
    expect(indexesBefore).toContain('case_counts_type');
    expect(await asideExists()).toBe(false);

    await store.append('case-1', [event('Closed')], 2);
    await runner.caughtUpTo((await store.headPosition())!);
    expect(await rows(api)).toEqual(await fromScratch());
    expect(await checkpoint()).toBe(12);
    expect(runner.status().failures).toBe(0);
  });

  it('a crash while building, or a failure under the lock, leaves the live model intact; the next rebuild works', async () => {
    const before = await rows(api);
    const crash = rebuildAside({
      store,
      live: worker,
      aside,
      build: (database) => caseCounts(database),
      pageSize: 2,
      afterPage: () => {
        throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    expect(await rows(api)).toEqual(before);

    // The swap fails half-way (its second table is gone after case_counts was swapped): rolled back whole.
    let built: SqlDatabase | null = null;
    const halfWay = rebuildAside({
      store,
      live: worker,
      aside,
      build: (database) => caseCounts((built = database)),
      afterPage: async () => void (await sql`DROP TABLE case_types`.execute(built!.db)),
    });
    await expect(halfWay).rejects.toThrow('The rebuilt read model has no table case_types');
    expect(await rows(api)).toEqual(before);
    expect(await checkpoint()).toBe(9);

    // Left over by a killed process: discarded, not opened.
    if (worker.dialect === 'sqlite') writeFileSync(aside, 'left over by a killed process');
    else await sql`CREATE SCHEMA ${sql.id(aside)}; CREATE TABLE ${sql.id(aside, 'case_counts')} (junk text)`.execute(worker.db);
    await rebuildAside({ store, live: worker, aside, build: (database) => caseCounts(database) });
    expect(await rows(api)).toEqual(await fromScratch());
  });

  it('brings a schema change live: after a migration adds a column and an index, the rebuild fills the column', async () => {
    await runner.stop();
    await migrateToLatest(worker, [PROCESSING_MIGRATIONS, CASES, FIRST_TYPE]);
    const result = await rebuildAside({ store, live: worker, aside, build: (database) => caseCounts(database, { firstType: true }) });
    expect(result.position).toBe(9);
    expect(await rows(api)).toEqual(await fromScratch({ firstType: true }));
    expect(await rows(api)).toContainEqual({ stream: 'case-1', events: 3, last_type: 'Noted', first_type: 'Opened' });
    expect(await indexNames(api)).toContain('case_counts_first');
  });

  it('refuses a projection that keeps no tables with its checkpoint, or keeps them elsewhere, touching nothing', async () => {
    const inMemory: Projection = { name: 'memory', handle: () => undefined };
    await expect(rebuildAside({ store, live: worker, aside, build: () => inMemory })).rejects.toThrow(RebuildRefused);
    await expect(rebuildAside({ store, live: worker, aside, build: () => caseCounts(api) })).rejects.toThrow(RebuildRefused);
    expect(await rows(api)).toContainEqual({ stream: 'case-1', events: 99, last_type: 'Noted' });
  });
});
