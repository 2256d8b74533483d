import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migration, MigrationProvider, Migrator } from 'kysely';
import { NoTables, SqlDatabase, SqlDialectName } from './sql-database';

/**
 * One schema change. It receives the dialect for the few places the engines differ (a binary
 * column is BLOB on SQLite and BYTEA on PostgreSQL); everything else is Kysely's schema builder,
 * which writes each engine's DDL.
 */
export type SchemaMigration = (db: Kysely<NoTables>, dialect: SqlDialectName) => Promise<void>;

/**
 * The versioned schema changes of one owner (a context, processing, privacy), named
 * `0001-what-it-does` and applied in name order. A migration, once released, never changes:
 * a later one alters what it made.
 */
export interface MigrationSet {
  readonly owner: string;
  readonly migrations: Readonly<Record<string, SchemaMigration>>;
}

/** Table that records which migrations ran (one per database: read models, privacy). */
export const MIGRATION_TABLE = 'bihuan_migrations';

class SetsProvider implements MigrationProvider {
  constructor(
    private readonly sets: readonly MigrationSet[],
    private readonly dialect: SqlDialectName,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = {};
    for (const set of this.sets) {
      for (const [name, up] of Object.entries(set.migrations)) {
        const key = `${set.owner}/${name}`;
        if (all[key]) throw new Error(`Migration ${key} is declared twice`);
        all[key] = { up: (db: Kysely<unknown>) => up(db as Kysely<NoTables>, this.dialect) };
      }
    }
    return all;
  }
}

const BUSY = /SQLITE_BUSY|database is locked/;
const LOCK_WAIT_MS = 30_000;

/**
 * Takes the file's write lock without blocking the event loop: better-sqlite3 would wait for it
 * synchronously, which deadlocks against another connection of this same process that needs
 * the loop to finish its migration. So: try at once, and on SQLITE_BUSY sleep and try again.
 */
async function beginImmediate(raw: BetterSqlite3.Database): Promise<void> {
  const busyTimeout = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    for (const start = Date.now(); ;) {
      try {
        raw.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        // Duck-typed: errors made by the native addon are not instances of this realm's Error under jest.
        if (!BUSY.test(String((error as { message?: unknown })?.message)) || Date.now() - start > LOCK_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
      }
    }
  } finally {
    raw.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Brings the schema up to date at start. Several processes starting together migrate once: on
 * PostgreSQL Kysely's migrator holds an advisory lock for the whole run (in one transaction);
 * on SQLite, where Kysely runs DDL outside a transaction, the run holds the file's write lock
 * (BEGIN IMMEDIATE, waiting up to the busy timeout), so the second process finds the migrations
 * done. Owners' migrations interleave by name across owners without complaint (each owner's own
 * order is what matters), so adding a context later never trips over migrations already applied.
 */
export async function migrateToLatest(database: SqlDatabase, sets: readonly MigrationSet[]): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new SetsProvider(sets, database.dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    // On PostgreSQL each database (read models in public, keys in privacy) keeps its own record:
    // unqualified, Kysely would find the other schema's table and skip making this one's.
    ...(database.dialect === 'postgres' ? { migrationTableSchema: database.schema } : {}),
    allowUnorderedMigrations: true,
  });
  const raw = database.sqlite;
  if (raw) await beginImmediate(raw);
  let committed = false;
  try {
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`Migrating the ${database.dialect} database failed${failed ? ` at ${failed}` : ''}: ${String(error)}`, {
        cause: error,
      });
    }
    if (raw) raw.exec('COMMIT');
    committed = true;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    if (raw && !committed && raw.inTransaction) raw.exec('ROLLBACK');
  }
}
