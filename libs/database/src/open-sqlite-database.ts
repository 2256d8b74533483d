import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { FifoSqliteDialect } from './fifo-sqlite-dialect';
import { NoTables, SqlDatabase } from './sql-database';
import { withStatementCache } from './statement-cache';

export type SqliteDurability = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteDatabaseOptions {
  /** A file path (WAL), ':memory:', or a connection the caller holds and closes itself. */
  readonly file: string | BetterSqlite3.Database;
  /** FULL (default): a committed write survives power loss. */
  readonly synchronous?: SqliteDurability;
  /** How long to wait for another process's write lock (ms, default 5000). */
  readonly busyTimeoutMs?: number;
}

/** `PRAGMA synchronous` as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const NORMAL = 1;

/**
 * `SqlDatabase.derivedWrites` on SQLite: `db` as it is when the connection's level is NORMAL or
 * below; else the connection held for `work` (`connection()`: nobody else's statement runs in
 * between) at NORMAL, and back to its level after. SQLite reads the level when it commits, and
 * refuses to change it inside a transaction, so it changes around `work`'s transactions.
 */
function derivedWrites(db: Kysely<NoTables>, raw: BetterSqlite3.Database): SqlDatabase['derivedWrites'] {
  const level = Number(raw.pragma('synchronous', { simple: true }));
  if (level <= NORMAL) return (work) => work(db);
  // Not prepared once: a pragma that sets acts when compiled, so a kept statement lags a call behind.
  return (work) =>
    db.connection().execute(async (connection) => {
      raw.pragma(`synchronous = ${NORMAL}`);
      try {
        return await work(connection);
      } finally {
        raw.pragma(`synchronous = ${level}`);
      }
    });
}

/**
 * What a read-model connection is set to, here for a file this module opens and for the one the
 * platform opens and lends (openReadModelDb): WAL (file only), the durability asked for, the wait
 * for another process's write lock, and temporary tables in memory.
 *
 * `temp_store = MEMORY`: a query that sorts without an index (a list scoped to several
 * institutions, ORDER BY … LIMIT) or builds a temporary table (`IN (SELECT … json_each)`) would
 * otherwise open and delete a temporary file for each run — measured on the visits list of one
 * county: 252 µs a page with the file, 106 µs in memory, 82 µs for one institution, which needs
 * no sorter (issue 14, item 6). A sort larger than the page cache then takes memory, not disk:
 * the lists page by keyset, so only exports sort whole tables.
 */
export function applyConnectionPragmas(
  raw: BetterSqlite3.Database,
  options: Pick<SqliteDatabaseOptions, 'synchronous' | 'busyTimeoutMs'>,
): void {
  if (raw.name !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  raw.pragma('temp_store = MEMORY');
}

/**
 * The embedded default's database: one better-sqlite3 connection under Kysely. The driver hands
 * the connection to one query or transaction at a time, in arrival order (FifoSqliteDialect), so a
 * transaction's statements are never interleaved with another caller's.
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): SqlDatabase {
  const lent = typeof options.file !== 'string';
  const raw = typeof options.file === 'string' ? new BetterSqlite3(options.file) : options.file;
  try {
    if (!lent) applyConnectionPragmas(raw, options);
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<NoTables>({ dialect: new FifoSqliteDialect({ database: withStatementCache(raw) }) });
  return {
    dialect: 'sqlite',
    db,
    sqlite: raw,
    schema: 'main',
    derivedWrites: derivedWrites(db, raw),
    // Kysely's driver would close the connection it was given: a lent one stays the lender's.
    close: async () => {
      if (!lent) await db.destroy();
    },
  };
}
