import { Kysely, sql } from 'kysely';
import { NoTables, openPostgresDatabase, SqlDatabase } from '@bihuan/database';
import { CheckpointTables, lockCheckpoint, saveCheckpoint } from '../checkpoints/table-checkpoint-store.adapter';
import type { AsideTables } from './aside-tables';

/** The scratch schema is dropped with everything in it: only a name that says so is accepted. */
const SCRATCH = /^rebuild_[a-z0-9_]+$/;

/**
 * A rebuild's scratch schema on the live PostgreSQL database. The projection is built there
 * through a pool whose search_path is that schema, so its unqualified queries and its checkpoint
 * land there. Tables are cloned with `LIKE … INCLUDING ALL EXCLUDING INDEXES` and their
 * constraints and indexes recreated under the live names (LIKE would invent new index names, and
 * a later migration that names an index would miss it). The swap is one transaction on the live
 * database: it locks the live checkpoint row the way a projection's batch does (`lockCheckpoint`),
 * so a worker's batch either committed before it (and is counted) or waits for it and then skips
 * what the new checkpoint covers; then it drops the live tables and moves the new ones in with
 * `SET SCHEMA` (no copy). Readers keep the old tables until the commit. A column whose default
 * draws from a `serial` sequence of the live table cannot be swapped (identity columns can).
 */
export class PostgresAsideTables implements AsideTables {
  private database: SqlDatabase | null = null;
  private readonly url: string;

  constructor(
    private readonly live: SqlDatabase,
    private readonly schema: string,
    private readonly lockWaitMs: number,
  ) {
    if (!SCRATCH.test(schema) || schema === live.schema) throw new Error(`A rebuild's scratch schema is named rebuild_…, not ${schema}`);
    if (!live.url) throw new Error('The live PostgreSQL database was opened without its url (openPostgresDatabase sets it)');
    this.url = live.url;
  }

  async open(): Promise<SqlDatabase> {
    await this.dropScratch();
    this.database = await openPostgresDatabase({ url: this.url, schema: this.schema, poolSize: 2 });
    return this.database;
  }

  async clone(tables: readonly string[]): Promise<void> {
    const from = this.live.schema;
    await this.live.db.transaction().execute(async (trx) => {
      for (const table of [...tables, 'checkpoints']) {
        if (await hasTable(trx, this.schema, table)) continue;
        if (!(await hasTable(trx, from, table)))
          throw new Error(`The live database has no table ${table} (its owner's migrations make it)`);
        const copy = sql.id(this.schema, table);
        await sql`CREATE TABLE ${copy} (LIKE ${sql.id(from, table)} INCLUDING ALL EXCLUDING INDEXES)`.execute(trx);
        for (const c of await indexConstraints(trx, from, table))
          await sql`ALTER TABLE ${copy} ADD CONSTRAINT ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(trx);
        for (const i of await plainIndexes(trx, from, table, this.schema)) await sql.raw(i.definition).execute(trx);
      }
    });
  }

  async swapIfCaughtUp(name: string, tables: readonly string[], position: number | null): Promise<Record<string, number> | null> {
    const to = this.live.schema;
    return this.live.db.transaction().execute(async (trx) => {
      // Readers queue behind the DROP's lock: wait a bounded time for theirs, then give up whole.
      await sql`SET LOCAL lock_timeout = ${sql.lit(this.lockWaitMs)}`.execute(trx);
      const live = await lockCheckpoint(trx.withTables<CheckpointTables>(), name);
      if (live !== null && (position === null || position < live)) return null;
      const rows: Record<string, number> = {};
      for (const table of tables) {
        if (!(await hasTable(trx, this.schema, table))) throw new Error(`The rebuilt read model has no table ${table}`);
        const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(this.schema, table)}`.execute(trx);
        rows[table] = count.rows[0]?.n ?? 0;
        await sql`DROP TABLE IF EXISTS ${sql.id(to, table)}`.execute(trx);
        await sql`ALTER TABLE ${sql.id(this.schema, table)} SET SCHEMA ${sql.id(to)}`.execute(trx);
      }
      // Null: nothing in the log for it, and the live checkpoint (locked above) says the same.
      if (position !== null) await saveCheckpoint(trx.withTables<CheckpointTables>(), name, position);
      return rows;
    });
  }

  async close(): Promise<void> {
    await this.database?.close();
    this.database = null;
    await this.dropScratch();
  }

  private async dropScratch(): Promise<void> {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(this.schema)} CASCADE`.execute(this.live.db);
  }
}

async function hasTable(db: Kysely<NoTables>, schema: string, table: string): Promise<boolean> {
  const found = await sql`SELECT 1 FROM pg_tables WHERE schemaname = ${schema} AND tablename = ${table}`.execute(db);
  return found.rows.length > 0;
}

type Definition = { name: string; definition: string };

/** Primary keys, unique and exclusion constraints: LIKE … EXCLUDING INDEXES leaves them out. */
async function indexConstraints(db: Kysely<NoTables>, schema: string, table: string): Promise<Definition[]> {
  const found = await sql<Definition>`
    SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname = ${table} AND c.contype IN ('p', 'u', 'x')
    ORDER BY c.conname`.execute(db);
  return found.rows;
}

/** The table's other indexes, as `CREATE INDEX` statements re-aimed at the scratch schema. */
async function plainIndexes(db: Kysely<NoTables>, schema: string, table: string, scratch: string): Promise<Definition[]> {
  const found = await sql<Definition & { target: string }>`
    SELECT i.relname AS name,
      replace(pg_get_indexdef(i.oid), ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(t.relname) || ' ',
        ' ON ' || quote_ident(${scratch}) || '.' || quote_ident(t.relname) || ' ') AS definition,
      ' ON ' || quote_ident(${scratch}) || '.' AS target
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname = ${table}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
    ORDER BY i.relname`.execute(db);
  for (const index of found.rows)
    if (!index.definition.includes(index.target)) throw new Error(`Cannot clone index ${index.name} of ${table}: ${index.definition}`);
  return found.rows;
}
