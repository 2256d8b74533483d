import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDatabase as KyselySqliteConnection, SqliteDialect, SqliteStatement as KyselySqliteStatement } from 'kysely';
import { NoTables, SqlDatabase } from './sql-database';

export type SqliteDurability = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteDatabaseOptions {
  /** A file path (WAL), ':memory:', or a connection the caller holds and closes itself. */
  readonly file: string | BetterSqlite3.Database;
  /** FULL (default): a committed write survives power loss. */
  readonly synchronous?: SqliteDurability;
  /** How long to wait for another process's write lock (ms, default 5000). */
  readonly busyTimeoutMs?: number;
}

/** Distinct statements kept per connection; a deployment's queries stay far below this. */
const MAX_STATEMENTS = 512;

/**
 * The connection as Kysely's driver sees it, with each statement prepared once: Kysely prepares
 * per query, and preparing costs more than running a short indexed query (issue 14). Safe because
 * the driver runs one statement at a time on the connection; SQLite re-prepares a statement
 * itself should the schema change under it.
 */
function withStatementCache(raw: BetterSqlite3.Database): KyselySqliteConnection {
  const statements = new Map<string, KyselySqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = forgottenOnError(raw.prepare(sql), () => statements.delete(sql));
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * A statement that has failed is not used again: a trigger's RAISE(ABORT) fired once through
 * Kysely and the same statement run again then did not fire it (seen with the access log's
 * append-only triggers), so the next call prepares afresh.
 */
function forgottenOnError(statement: BetterSqlite3.Statement, forget: () => void): KyselySqliteStatement {
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } catch (error) {
        forget();
        throw error;
      }
    };
  return {
    reader: statement.reader,
    all: guarded((parameters: ReadonlyArray<unknown>) => statement.all(...parameters)),
    run: guarded((parameters: ReadonlyArray<unknown>) => statement.run(...parameters)),
    iterate: guarded((parameters: ReadonlyArray<unknown>) => statement.iterate(...parameters)),
  };
}

/**
 * The embedded default's database: one better-sqlite3 connection under Kysely. Kysely's SQLite
 * driver hands the connection to one query or transaction at a time, so a transaction's
 * statements are never interleaved with another caller's.
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): SqlDatabase {
  const lent = typeof options.file !== 'string';
  const raw = typeof options.file === 'string' ? new BetterSqlite3(options.file) : options.file;
  try {
    if (!lent) {
      if (options.file !== ':memory:') raw.pragma('journal_mode = WAL');
      raw.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    }
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<NoTables>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    dialect: 'sqlite',
    db,
    sqlite: raw,
    schema: 'main',
    // Kysely's driver would close the connection it was given: a lent one stays the lender's.
    close: async () => {
      if (!lent) await db.destroy();
    },
  };
}
