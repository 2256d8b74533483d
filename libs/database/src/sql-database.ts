import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';

/** The two SQL engines shared state runs on: SQLite in the data directory, or PostgreSQL (POSTGRES_URL). */
export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * No table known at this level: each owner declares its tables as a Kysely table interface and
 * narrows with `db.withTables<OwnTables>()`, so a query names only columns that exist.
 */
export type NoTables = Record<never, never>;

/**
 * One connection (SQLite) or pool (PostgreSQL) behind Kysely: the typed query layer every read
 * model, checkpoint, dead letter, idempotency record and access-log row goes through, written once
 * for both engines (issue 15). `sqlite` is the raw better-sqlite3 handle, for the few schema
 * operations that are SQLite's own (rebuilding a read model aside); null on PostgreSQL.
 */
export interface SqlDatabase {
  readonly dialect: SqlDialectName;
  readonly db: Kysely<NoTables>;
  readonly sqlite: BetterSqlite3.Database | null;
  /** The PostgreSQL schema unqualified names resolve to (search_path); 'main' on SQLite. */
  readonly schema: string;
  /**
   * The connection string on PostgreSQL (set by openPostgresDatabase), undefined on SQLite: a
   * rebuild opens its scratch schema on the same server with it.
   */
  readonly url?: string;
  /**
   * Runs `work` for writes the log can redo: a read model's rows in one transaction with its
   * checkpoint (TableProjection). Lost in a power cut, they are replayed from the checkpoint lost
   * with them, so they need not wait for the disk: on SQLite at synchronous=FULL, `work` gets the
   * connection at NORMAL (commits without an fsync of their own; WAL never tears them, and the next
   * durable commit on the file syncs them with everything before it). On PostgreSQL, and on SQLite
   * already below FULL, `work` simply gets `db`. Never for what the log cannot redo (sessions,
   * idempotency keys, outbox rows).
   */
  derivedWrites<T>(work: (db: Kysely<NoTables>) => Promise<T>): Promise<T>;
  /** Closes the connection or pool (a no-op for a SQLite connection the caller lent). */
  close(): Promise<void>;
}
