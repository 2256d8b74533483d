import { dirname, join } from 'node:path';
import { SqlDatabase } from '@bihuan/database';

/**
 * The part of a rebuild aside that is each engine's own DDL (rebuild-aside.ts holds the
 * engine-free loop). The typed query layer writes rows the same on both engines, but making a
 * table like another one, and moving tables into the live database in one transaction, are not
 * expressible in Kysely: SQLite copies definitions from `sqlite_master` between attached files,
 * PostgreSQL copies them with `LIKE` between schemas and moves tables with `SET SCHEMA`. So one
 * implementation per engine: SqliteAsideTables, PostgresAsideTables.
 */
export interface AsideTables {
  /** Opens the scratch database, empty: whatever a crashed rebuild left there is discarded first. */
  open(): Promise<SqlDatabase>;
  /**
   * Creates in the scratch database each of `tables`, and `checkpoints`, that it lacks, as the live
   * database defines them now (columns, defaults, constraints and indexes, with their names).
   */
  clone(tables: readonly string[]): Promise<void>;
  /**
   * In one transaction holding the live checkpoint of `name`: when the new generation's `position`
   * is at least as far, replaces the live `tables` and that checkpoint by the scratch ones and
   * answers the rows per table; otherwise changes nothing and answers null (the live projection is
   * ahead: catch up and try again). A failure rolls the whole swap back.
   */
  swapIfCaughtUp(name: string, tables: readonly string[], position: number | null): Promise<Record<string, number> | null>;
  /** Closes and removes the scratch database (after a swap, a failure or a crash of the rebuild). */
  close(): Promise<void>;
}

/** The projection keeps no tables with its checkpoint in the database it was built on, so there is nothing to swap. */
export class RebuildRefused extends Error {}

/** How long the swap waits for the live database's locks (ms) before it gives up. */
export const DEFAULT_LOCK_WAIT_MS = 5000;

/** A name PostgreSQL takes unquoted: lower-case letters, digits and underscores. */
const plain = (name: string): string => name.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();

/**
 * Where a projection is rebuilt by default: `rebuild-<projection>.sqlite` beside the live file, or
 * the schema `rebuild_<projection>` on the live PostgreSQL database.
 */
export function asideLocationOf(live: SqlDatabase, projection: string): string {
  if (live.dialect === 'postgres') return `rebuild_${plain(projection)}`;
  return join(dirname(liveFileOf(live)), `rebuild-${projection}.sqlite`);
}

/** The file another connection attaches to reach the live tables: an in-memory database has none. */
export function liveFileOf(live: SqlDatabase): string {
  const file = live.sqlite?.name;
  if (!file || file === ':memory:' || file === '') throw new RebuildRefused('An in-memory read-model database cannot be rebuilt aside');
  return file;
}
