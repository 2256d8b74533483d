import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { createTestPostgresDatabase, TestPostgresDatabase } from '@bihuan/testing';
import { boundLimit, limitOf } from './limit';
import { openPostgresDatabase } from './open-postgres-database';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqlDatabase } from './sql-database';

type Tables = { numbers: { n: number } };

function suite(name: string, open: () => Promise<SqlDatabase>, cleanUp: () => Promise<void>): void {
  describe(`limitOf on ${name}`, () => {
    let database: SqlDatabase;
    let db: Kysely<Tables>;
    beforeAll(async () => {
      database = await open();
      db = database.db.withTables<Tables>();
      await sql`create table numbers (n integer primary key)`.execute(database.db);
      await db
        .insertInto('numbers')
        .values([1, 2, 3, 4, 5].map((n) => ({ n })))
        .execute();
    });
    afterAll(async () => {
      await database.close();
      await cleanUp();
    });

    it('writes the count into the SQL as digits, and returns that many rows', async () => {
      const query = db.selectFrom('numbers').select('n').orderBy('n', 'desc').limit(limitOf(2));
      expect(query.compile().sql).toMatch(/limit 2$/);
      expect(query.compile().parameters).toEqual([]);
      expect(await query.execute()).toEqual([{ n: 5 }, { n: 4 }]);
      expect(await db.selectFrom('numbers').select('n').orderBy('n').limit(limitOf(3)).execute()).toHaveLength(3);
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
    pg = await createTestPostgresDatabase('limit_of');
    return openPostgresDatabase({ url: pg.url });
  },
  async () => pg.drop(),
);

describe('limitOf', () => {
  it('refuses anything but a safe integer, so nothing else reaches the SQL', () => {
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 60, '3; drop table numbers' as unknown as number]) {
      expect(() => limitOf(bad)).toThrow('A LIMIT must be a safe integer');
    }
  });
});

describe('boundLimit', () => {
  it('binds the count like any value in one SQLite statement: a count, and -1 for every row', () => {
    const raw = new BetterSqlite3(':memory:');
    raw.exec('create table numbers (n integer primary key); insert into numbers values (1), (2), (3), (4)');
    const first = raw.prepare<[number, number], { n: number }>(`select n from numbers where n > ? order by n limit ${boundLimit()}`);
    expect(first.all(1, 2)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(first.all(0, 1)).toEqual([{ n: 1 }]);
    expect(first.all(0, -1)).toHaveLength(4);
    const named = raw.prepare(`select n from numbers order by n desc limit ${boundLimit('@count')}`);
    expect(named.all({ count: 1 })).toEqual([{ n: 4 }]);
    raw.close();
  });
});
