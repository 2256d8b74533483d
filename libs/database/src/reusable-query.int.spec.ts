import { Kysely, sql } from 'kysely';
import { createTestPostgresDatabase, TestPostgresDatabase } from '@bihuan/testing';
import { openPostgresDatabase } from './open-postgres-database';
import { openSqliteDatabase } from './open-sqlite-database';
import { reusableQuery } from './reusable-query';
import { SqlDatabase } from './sql-database';

type Tables = { marks: { name: string; position: number } };

const FLOOR = -1;
let builds = 0;

/** Upsert that never moves a mark back: one argument used twice, one value the query fixes. */
const advance = reusableQuery((db: Kysely<Tables>, name: string, position: number) => {
  builds += 1;
  return db
    .insertInto('marks')
    .values({ name, position })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position }).where('marks.position', '<', position))
    .returning(['name', 'position']);
});

const atLeast = reusableQuery((db: Kysely<Tables>, position: number) =>
  db.selectFrom('marks').select(['name', 'position']).where('position', '>=', position).where('position', '>', FLOOR).orderBy('name'),
);

function suite(name: string, open: () => Promise<SqlDatabase>, cleanUp: () => Promise<void>): void {
  describe(`reusableQuery on ${name}`, () => {
    let database: SqlDatabase;
    let db: Kysely<Tables>;
    beforeAll(async () => {
      database = await open();
      db = database.db.withTables<Tables>();
      await sql`create table marks (name text primary key, position bigint not null)`.execute(database.db);
    });
    afterAll(async () => {
      await database.close();
      await cleanUp();
    });

    it('builds once and runs with each call’s values, inside a transaction too', async () => {
      const before = builds;
      expect(await advance(db, 'a', 5)).toEqual([{ name: 'a', position: 5 }]);
      expect(await advance(db, 'a', 3)).toEqual([]); // not moved back: the fixed shape kept its WHERE
      await db.transaction().execute(async (trx) => {
        expect(await advance(trx, 'b', 7)).toEqual([{ name: 'b', position: 7 }]);
      });
      expect(await advance(db, 'a', 9)).toEqual([{ name: 'a', position: 9 }]);
      expect(builds - before).toBeLessThanOrEqual(1);
      expect(await atLeast(db, 8)).toEqual([{ name: 'a', position: 9 }]);
      expect(await atLeast(db, 0)).toEqual([
        { name: 'a', position: 9 },
        { name: 'b', position: 7 },
      ]);
    });

    it('builds afresh for a handle with a plugin, whose SQL may differ', async () => {
      // SQLite has no schemas to create: an attached database stands in for one.
      const other = database.dialect === 'postgres' ? sql`create schema other_marks` : sql`attach database ':memory:' as other_marks`;
      await other.execute(database.db);
      await sql`create table other_marks.marks (name text primary key, position bigint not null)`.execute(database.db);
      expect(await advance(db.withSchema('other_marks'), 'c', 1)).toEqual([{ name: 'c', position: 1 }]);
      expect(await atLeast(db, 0)).not.toContainEqual({ name: 'c', position: 1 });
    });

    it('refuses a build that does not use an argument as a value', async () => {
      const careless = reusableQuery((d: Kysely<Tables>, _name: string) => d.selectFrom('marks').select('name'));
      await expect(careless(db, 'a')).rejects.toThrow('must use each of its 1 arguments as a value');
    });
  });
}

suite(
  'SQLite',
  async () => openSqliteDatabase({ file: ':memory:' }),
  async () => undefined,
);

let pg: TestPostgresDatabase;
suite(
  'PostgreSQL',
  async () => {
    pg = await createTestPostgresDatabase('reusable_query');
    return openPostgresDatabase({ url: pg.url });
  },
  async () => pg.drop(),
);
