import { sql } from 'kysely';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqlDatabase } from './sql-database';

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
