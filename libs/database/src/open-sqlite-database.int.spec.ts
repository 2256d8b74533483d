import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyConnectionPragmas, openSqliteDatabase } from './open-sqlite-database';
import { NoTables, SqlDatabase } from './sql-database';

type Tables = { t: { n: number } };

describe('openSqliteDatabase: one connection, shared in arrival order', () => {
  let database: SqlDatabase;

  beforeEach(async () => {
    database = openSqliteDatabase({ file: ':memory:' });
    await sql`create table t (n integer not null)`.execute(database.db);
  });

  afterEach(() => database.close());

  it('runs concurrent transactions whole, one after another, in the order they asked', async () => {
    const db = database.db.withTables<Tables>();
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto('t').values({ n }).execute();
          await new Promise((resolve) => setImmediate(resolve)); // another caller would interleave here
          const rows = await trx.selectFrom('t').select('n').execute();
          seen.push(rows.length);
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
  });

  it('rolls a failed transaction back and serves the next caller', async () => {
    const db = database.db.withTables<Tables>();
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute();
      throw new Error('refused');
    });
    const next = db.insertInto('t').values({ n: 2 }).execute();
    await expect(failing).rejects.toThrow('refused');
    await next;
    expect(await db.selectFrom('t').select('n').execute()).toEqual([{ n: 2 }]);
  });

  it('keeps savepoints working', async () => {
    const db = database.db.withTables<Tables>();
    const trx = await db.startTransaction().execute();
    await trx.insertInto('t').values({ n: 1 }).execute();
    const inner = await trx.savepoint('a').execute();
    await inner.insertInto('t').values({ n: 2 }).execute();
    await inner.rollbackToSavepoint('a').execute();
    await trx.commit().execute();
    expect(await db.selectFrom('t').select('n').execute()).toEqual([{ n: 1 }]);
  });
});

describe('openSqliteDatabase: derived writes (a read model and its checkpoint)', () => {
  // The level through the connection itself: a kept `PRAGMA synchronous` statement would answer the level it was compiled at.
  const levelIn = async (db: Kysely<NoTables>, raw: SqlDatabase['sqlite']): Promise<number> => {
    await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute(); // waits for its turn on the connection
    return Number(raw!.pragma('synchronous', { simple: true }));
  };

  it.each([
    ['FULL', 2, 1],
    ['NORMAL', 1, 1],
    ['OFF', 0, 0],
  ] as const)('configured %s (level %i): writes at level %i (never raised), and back after', async (configured, level, inside) => {
    const database = openSqliteDatabase({ file: ':memory:', synchronous: configured });
    try {
      await sql`create table t (n integer not null)`.execute(database.db);
      expect(await levelIn(database.db, database.sqlite)).toBe(level);
      const seen = await database.derivedWrites((db) =>
        db.transaction().execute(async (trx) => {
          await trx.withTables<Tables>().insertInto('t').values({ n: 1 }).execute();
          return levelIn(trx, database.sqlite);
        }),
      );
      expect(seen).toBe(inside);
      expect(await levelIn(database.db, database.sqlite)).toBe(level);
      expect(await database.db.withTables<Tables>().selectFrom('t').select('n').execute()).toEqual([{ n: 1 }]);
    } finally {
      await database.close();
    }
  });

  it('rolls back a failed one and restores the level; other callers never run at the relaxed level', async () => {
    const database = openSqliteDatabase({ file: ':memory:' });
    try {
      await sql`create table t (n integer not null)`.execute(database.db);
      const failing = database.derivedWrites((db) =>
        db.transaction().execute(async (trx) => {
          await trx.withTables<Tables>().insertInto('t').values({ n: 1 }).execute();
          await new Promise((resolve) => setImmediate(resolve)); // another caller asks meanwhile
          throw new Error('refused');
        }),
      );
      const other = levelIn(database.db, database.sqlite);
      await expect(failing).rejects.toThrow('refused');
      expect(await other).toBe(2);
      expect(await levelIn(database.db, database.sqlite)).toBe(2);
      expect(await database.db.withTables<Tables>().selectFrom('t').select('n').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('openSqliteDatabase: connection settings', () => {
  it('keeps temporary tables and sorts in memory, on a file it opens and on the connection the platform lends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-pragmas-'));
    try {
      const opened = openSqliteDatabase({ file: join(dir, 'a.sqlite'), synchronous: 'NORMAL' });
      const lent = new BetterSqlite3(join(dir, 'b.sqlite'));
      applyConnectionPragmas(lent, { synchronous: 'FULL' });
      const settings = (raw: BetterSqlite3.Database) => ({
        tempStore: raw.pragma('temp_store', { simple: true }),
        journal: raw.pragma('journal_mode', { simple: true }),
        synchronous: raw.pragma('synchronous', { simple: true }),
      });
      // temp_store 2 is MEMORY; synchronous 1 NORMAL, 2 FULL.
      expect(settings(opened.sqlite!)).toEqual({ tempStore: 2, journal: 'wal', synchronous: 1 });
      expect(settings(lent)).toEqual({ tempStore: 2, journal: 'wal', synchronous: 2 });
      await opened.close();
      lent.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openSqliteDatabase: rows read as arrays, answered as objects', () => {
  let database: SqlDatabase;

  beforeEach(async () => {
    database = openSqliteDatabase({ file: ':memory:' });
    await sql`create table r (a integer not null, b text)`.execute(database.db);
    await sql`insert into r values (1, 'x'), (2, null)`.execute(database.db);
  });

  afterEach(() => database.close());

  it('answers each row as an object of its columns, in order, nulls kept', async () => {
    const rows = await database.db.withTables<{ r: { a: number; b: string | null } }>().selectFrom('r').selectAll().orderBy('a').execute();
    expect(rows).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: null },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['a', 'b']);
  });

  it('keeps the last value of a repeated column name, as better-sqlite3 does', async () => {
    const { rows } = await sql<{ a: number }>`select a, a + 10 as a from r order by 1`.execute(database.db);
    expect(rows).toEqual([{ a: 11 }, { a: 12 }]);
  });

  it('answers the columns of the schema as it is now, after a change under a kept statement', async () => {
    const read = () => sql<Record<string, unknown>>`select * from r order by a`.execute(database.db);
    expect((await read()).rows[0]).toEqual({ a: 1, b: 'x' });
    // What a rebuild swapped in by another connection looks like to this one: same name, other columns.
    await sql`drop table r`.execute(database.db);
    await sql`create table r (b text, a integer, c integer)`.execute(database.db);
    await sql`insert into r values ('y', 3, 4)`.execute(database.db);
    expect((await read()).rows).toEqual([{ b: 'y', a: 3, c: 4 }]);
  });

  it('answers the columns of the schema another connection changed, from the next turn on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-statement-cache-'));
    const file = join(dir, 'db.sqlite');
    const mine = openSqliteDatabase({ file });
    const other = new BetterSqlite3(file);
    try {
      other.exec(`create table s (a integer, b text); insert into s values (1, 'x')`);
      const read = () => sql<Record<string, unknown>>`select * from s`.execute(mine.db);
      expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
      other.exec(`drop table s; create table s (b text, a integer); insert into s values ('y', 2)`);
      await new Promise((resolve) => setImmediate(resolve));
      expect((await read()).rows).toEqual([{ b: 'y', a: 2 }]);
      // Within the same turn: a column added is seen by its row's length.
      other.exec(`alter table s add column c integer default 7`);
      expect((await read()).rows).toEqual([{ b: 'y', a: 2, c: 7 }]);
    } finally {
      other.close();
      await mine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a column named __proto__ as a column, never as the row’s prototype', async () => {
    const { rows } = await sql<Record<string, unknown>>`select a, b as "__proto__" from r order by a`.execute(database.db);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe('x');
    expect(Object.keys(rows[1]!)).toEqual(['a', '__proto__']);
  });

  it('quotes any column name safely', async () => {
    const name = 'a"]; throw new Error("x"); //\u2028';
    const { rows } = await sql<Record<string, unknown>>`select a as ${sql.id(name)} from r order by a`.execute(database.db);
    expect(rows).toEqual([{ [name]: 1 }, { [name]: 2 }]);
  });

  it('streams rows as objects too', async () => {
    const seen: unknown[] = [];
    for await (const row of database.db
      .withTables<{ r: { a: number; b: string | null } }>()
      .selectFrom('r')
      .select('a')
      .orderBy('a')
      .stream())
      seen.push(row);
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
