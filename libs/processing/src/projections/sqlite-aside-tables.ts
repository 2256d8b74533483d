import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import type { AsideTables } from './aside-tables';

/** The schema name the live file is attached under, on the scratch file's connection. */
const LIVE = 'live';

/** Stored by TableProjection for "nothing handled yet" (table-checkpoint-store.adapter.ts). */
const NONE = -1;

type SchemaObject = { type: string; name: string; sql: string };

/**
 * A rebuild's scratch SQLite file. Both DDL steps run on its own raw better-sqlite3 connection
 * (`SqlDatabase.sqlite`) with the live file ATTACHed: Kysely has no ATTACH, and the swap must be one
 * synchronous transaction (BEGIN IMMEDIATE takes the write lock of every attached file, so the
 * live checkpoint cannot move between reading it and swapping; nothing is awaited under the
 * lock, so a worker in the same process cannot deadlock with it). The live database's own
 * connections are never used: they may be in the middle of a worker's transaction.
 */
export class SqliteAsideTables implements AsideTables {
  private database: SqlDatabase | null = null;

  constructor(
    private readonly liveFile: string,
    private readonly asideFile: string,
    private readonly lockWaitMs: number,
  ) {
    if (resolve(asideFile) === resolve(liveFile)) throw new Error(`A rebuild cannot be built in the live file ${liveFile}`);
  }

  async open(): Promise<SqlDatabase> {
    discard(this.asideFile);
    // Scratch: a crash discards it anyway, so no fsync is worth waiting for.
    this.database = openSqliteDatabase({ file: this.asideFile, synchronous: 'OFF', busyTimeoutMs: this.lockWaitMs });
    return this.database;
  }

  /** Copies the live definitions from the live file's `sqlite_master`, as SQLite stored them. */
  async clone(tables: readonly string[]): Promise<void> {
    const raw = this.raw();
    this.attached(raw, () => {
      const exists = raw.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`);
      for (const table of [...tables, 'checkpoints']) {
        if (exists.get(table) !== undefined) continue;
        const objects = definitionsOf(raw, LIVE, table);
        if (!objects.some((o) => o.type === 'table'))
          throw new Error(`The live database has no table ${table} (its owner's migrations make it)`);
        // Unqualified, as sqlite_master keeps them: made in main, the scratch file.
        for (const o of objects) raw.exec(o.sql);
      }
    });
  }

  async swapIfCaughtUp(name: string, tables: readonly string[], position: number | null): Promise<Record<string, number> | null> {
    const raw = this.raw();
    return this.attached(raw, () =>
      raw
        .transaction((): Record<string, number> | null => {
          const live = liveCheckpoint(raw, name);
          if (live !== null && (position === null || position < live)) return null;
          return swapTables(raw, tables, name);
        })
        .immediate(),
    );
  }

  async close(): Promise<void> {
    await this.database?.close();
    this.database = null;
    discard(this.asideFile);
  }

  private raw(): BetterSqlite3.Database {
    const raw = this.database?.sqlite;
    if (!raw) throw new Error('The scratch database is not open');
    return raw;
  }

  private attached<T>(raw: BetterSqlite3.Database, work: () => T): T {
    raw.prepare(`ATTACH DATABASE ? AS ${LIVE}`).run(this.liveFile);
    try {
      return work();
    } finally {
      raw.exec(`DETACH DATABASE ${LIVE}`);
    }
  }
}

/** Tables first, then their indexes; only objects with a definition (not automatic indexes). */
function definitionsOf(raw: BetterSqlite3.Database, schema: string, table: string): SchemaObject[] {
  return raw
    .prepare(`SELECT type, name, sql FROM ${schema}.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type = 'index'`)
    .all(table) as SchemaObject[];
}

function liveCheckpoint(raw: BetterSqlite3.Database, name: string): number | null {
  const hasCheckpoints = raw.prepare(`SELECT 1 FROM ${LIVE}.sqlite_master WHERE name = 'checkpoints'`).get() !== undefined;
  if (!hasCheckpoints) return null;
  const position = raw.prepare(`SELECT position FROM ${LIVE}.checkpoints WHERE name = ?`).pluck().get(name) as number | undefined;
  return position === undefined || position === NONE ? null : position;
}

/** `CREATE [UNIQUE] TABLE|INDEX name …` as sqlite_master stores it, re-aimed at another schema. */
function inSchema(sql: string, schema: string): string {
  const match = /^CREATE (UNIQUE )?(TABLE|INDEX) /.exec(sql);
  if (!match) throw new Error(`Cannot swap a read model defined by: ${sql.slice(0, 60)}`);
  return `${match[0]}${schema}.${sql.slice(match[0].length)}`;
}

/**
 * Replaces `tables` (with their indexes) and the checkpoint `name` in the live file by the scratch
 * file's, inside the caller's transaction. The live tables take the definitions of the scratch
 * ones (cloned from the live definitions, so a migrated column comes along). Other
 * connections see the old tables until the transaction commits (WAL snapshot) and re-prepare their
 * statements afterwards.
 */
function swapTables(raw: BetterSqlite3.Database, tables: readonly string[], name: string): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const objects = definitionsOf(raw, 'main', table);
    if (!objects.some((o) => o.type === 'table')) throw new Error(`The rebuilt read model has no table ${table}`);
    const other = objects.find((o) => o.type !== 'table' && o.type !== 'index');
    if (other) throw new Error(`Cannot swap ${table}: it has a ${other.type} (${other.name})`);
    raw.exec(`DROP TABLE IF EXISTS ${LIVE}."${table}"`);
    for (const o of objects) {
      raw.exec(inSchema(o.sql, LIVE));
      if (o.type === 'table') raw.exec(`INSERT INTO ${LIVE}."${table}" SELECT * FROM main."${table}"`);
    }
    rows[table] = (raw.prepare(`SELECT count(*) AS n FROM ${LIVE}."${table}"`).get() as { n: number }).n;
  }
  raw.exec(`CREATE TABLE IF NOT EXISTS ${LIVE}.checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`);
  raw.prepare(`DELETE FROM ${LIVE}.checkpoints WHERE name = ?`).run(name);
  raw.prepare(`INSERT INTO ${LIVE}.checkpoints (name, position) SELECT name, position FROM main.checkpoints WHERE name = ?`).run(name);
  return rows;
}

function discard(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
