import { sql } from 'kysely';
import { SqlDatabase } from './sql-database';

const CHUNK = 500;

/**
 * Copies every row of `tables` from one database to another (an embedded installation moving to
 * PostgreSQL): streamed from the source, inserted in chunks, each table in one transaction on the
 * target so a failed copy leaves it empty. The target's tables must exist (migrated) and be empty.
 * Answers the rows copied per table.
 */
export async function copyTables(from: SqlDatabase, to: SqlDatabase, tables: readonly string[]): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  const source = from.db.withTables<Record<string, Record<string, unknown>>>();
  for (const table of tables) {
    copied[table] = await to.db.transaction().execute(async (trx) => {
      const target = trx.withTables<Record<string, Record<string, unknown>>>();
      let chunk: Record<string, unknown>[] = [];
      let count = 0;
      const flush = async (): Promise<void> => {
        if (chunk.length > 0) await target.insertInto(table).values(chunk).execute();
        count += chunk.length;
        chunk = [];
      };
      for await (const row of source.selectFrom(table).selectAll().stream()) {
        chunk.push(row);
        if (chunk.length === CHUNK) await flush();
      }
      await flush();
      return count;
    });
    if (to.dialect === 'postgres') await advanceIdentities(to, table);
  }
  return copied;
}

/**
 * Rows copied with their own ids leave a PostgreSQL identity's sequence at its start: the next
 * insert would take an id that exists. Moves each identity of `table` past the largest copied id.
 */
async function advanceIdentities(database: SqlDatabase, table: string): Promise<void> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = ${database.schema} AND table_name = ${table} AND is_identity = 'YES'`.execute(database.db);
  for (const { column_name: column } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${`${database.schema}.${table}`}, ${column}),
      coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(database.db);
  }
}
