import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { boundLimit, limitOf } from './limit';
import { MigrationSet } from './migrations';

type Tables = { numbers: { n: number } };

const NUMBERS: MigrationSet = {
  owner: 'spec',
  migrations: {
    '0001-numbers': async (db) => {
      await db.schema
        .createTable('numbers')
        .addColumn('n', 'integer', (c) => c.primaryKey())
        .execute();
    },
  },
};

describe.each(TEST_SQL_DIALECTS)('limitOf on $name', (dialect) => {
  let test: TestSqlDatabase;
  let db: Kysely<Tables>;
  beforeAll(async () => {
    test = await dialect.open([NUMBERS]);
    db = test.database.db.withTables<Tables>();
    await db
      .insertInto('numbers')
      .values([1, 2, 3, 4, 5].map((n) => ({ n })))
      .execute();
  });
  afterAll(() => test.dispose());

  it('writes the count into the SQL as digits, and returns that many rows', async () => {
    const query = db.selectFrom('numbers').select('n').orderBy('n', 'desc').limit(limitOf(2));
    expect(query.compile().sql).toMatch(/limit 2$/);
    expect(query.compile().parameters).toEqual([]);
    expect(await query.execute()).toEqual([{ n: 5 }, { n: 4 }]);
    expect(await db.selectFrom('numbers').select('n').orderBy('n').limit(limitOf(3)).execute()).toHaveLength(3);
  });
});

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
