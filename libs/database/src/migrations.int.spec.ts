import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createTestPostgresDatabase, TestPostgresDatabase } from '@bihuan/testing';
import { MigrationSet, migrateToLatest } from './migrations';
import { openPostgresDatabase } from './open-postgres-database';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqlDatabase } from './sql-database';

type Probe = {
  probe_rows: { id: string; position: number; note: string | null };
};

let created = 0;
const PROBE: MigrationSet = {
  owner: 'probe',
  migrations: {
    '0001-rows': async (db) => {
      created += 1;
      await db.schema
        .createTable('probe_rows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
    },
    '0002-note': async (db) => {
      await db.schema.alterTable('probe_rows').addColumn('note', 'text').execute();
    },
  },
};

/** The same behaviour on both engines: that is the point of one query layer. */
function suite(name: string, open: () => Promise<[SqlDatabase, SqlDatabase]>, cleanUp: () => Promise<void>): void {
  describe(`migrateToLatest on ${name}`, () => {
    let a: SqlDatabase;
    let b: SqlDatabase;
    beforeAll(async () => {
      [a, b] = await open();
    });
    afterAll(async () => {
      await a.close();
      await b.close();
      await cleanUp();
    });

    it('migrates once when two connections start together, and again is a no-op', async () => {
      created = 0;
      const [first, second] = await Promise.all([migrateToLatest(a, [PROBE]), migrateToLatest(b, [PROBE])]);
      expect(created).toBe(1);
      expect([...first, ...second].sort()).toEqual(['probe/0001-rows', 'probe/0002-note']);
      expect(await migrateToLatest(a, [PROBE])).toEqual([]);
    });

    it('reads big positions back as numbers and upserts the same way', async () => {
      const db = a.db.withTables<Probe>();
      const big = 2 ** 40 + 3;
      for (const position of [1, big])
        await db
          .insertInto('probe_rows')
          .values({ id: 'x', position, note: null })
          .onConflict((oc) => oc.column('id').doUpdateSet({ position: (eb) => eb.ref('excluded.position') }))
          .execute();
      const row = await b.db.withTables<Probe>().selectFrom('probe_rows').selectAll().executeTakeFirstOrThrow();
      expect(row).toEqual({ id: 'x', position: big, note: null });
      const { count } = await db
        .selectFrom('probe_rows')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(count).toBe(1);
      await sql`DELETE FROM probe_rows`.execute(a.db);
    });

    it('names the migration that failed', async () => {
      const broken: MigrationSet = {
        owner: 'broken',
        migrations: { '0001-bad': async (db) => void (await sql`CREATE TABLE`.execute(db)) },
      };
      await expect(migrateToLatest(a, [PROBE, broken])).rejects.toThrow(/at broken\/0001-bad/);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'bihuan-migrations-'));
suite(
  'SQLite (two connections on one file)',
  async () => [openSqliteDatabase({ file: join(dir, 'db.sqlite') }), openSqliteDatabase({ file: join(dir, 'db.sqlite') })],
  async () => rmSync(dir, { recursive: true, force: true }),
);

let pg: TestPostgresDatabase;
suite(
  'PostgreSQL (two pools)',
  async () => {
    pg = await createTestPostgresDatabase('migrations');
    return [await openPostgresDatabase({ url: pg.url }), await openPostgresDatabase({ url: pg.url, poolSize: 2 })];
  },
  async () => pg.drop(),
);
