import { sql } from 'kysely';
import { MigrationSet, NoTables, SqlDialectName } from '@bihuan/database';
import type { Kysely } from 'kysely';

const APPEND_ONLY = 'access_log is append-only';

/**
 * Triggers that abort any UPDATE or DELETE (and, on PostgreSQL, TRUNCATE) of `access_log`, so
 * application code cannot rewrite history by mistake. Kysely's schema builder has no triggers:
 * each engine's own DDL, in this one place. Someone who owns the database can drop them; the SM3
 * chain and the head row are what make that visible to `verify()`.
 */
async function appendOnlyTriggers(db: Kysely<NoTables>, dialect: SqlDialectName): Promise<void> {
  if (dialect === 'sqlite') {
    for (const [name, event] of [
      ['access_log_no_update', 'UPDATE'],
      ['access_log_no_delete', 'DELETE'],
    ] as const)
      await sql`CREATE TRIGGER IF NOT EXISTS ${sql.raw(name)} BEFORE ${sql.raw(event)} ON access_log
        BEGIN SELECT RAISE(ABORT, ${sql.lit(APPEND_ONLY)}); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION '${sql.raw(APPEND_ONLY)}'; END $$`.execute(db);
  for (const [name, event, level] of [
    ['access_log_no_update', 'UPDATE', 'ROW'],
    ['access_log_no_delete', 'DELETE', 'ROW'],
    ['access_log_no_truncate', 'TRUNCATE', 'STATEMENT'],
  ] as const)
    await sql`CREATE OR REPLACE TRIGGER ${sql.raw(name)} BEFORE ${sql.raw(event)} ON access_log
      FOR EACH ${sql.raw(level)} EXECUTE FUNCTION access_log_append_only()`.execute(db);
}

/**
 * The hash-chained access log's tables, in the read-model database (docs/privacy.md: beside the
 * read models, kept as long as the log — not with the keys, whose backups expire). The baseline is
 * what SqliteAccessLog created before migrations (same names, columns, indexes and triggers, each
 * `if not exists`), so an existing data directory adopts it. `seq` is BIGINT on PostgreSQL; on
 * SQLite it stays `INTEGER PRIMARY KEY` (the rowid, 64-bit already).
 */
export const ACCESS_LOG_MIGRATIONS: MigrationSet = {
  owner: 'access-log',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      const seq = dialect === 'postgres' ? 'bigint' : 'integer';
      await db.schema
        .createTable('access_log')
        .ifNotExists()
        .addColumn('seq', seq, (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reader_id', 'text', (c) => c.notNull())
        .addColumn('reader_role', 'text', (c) => c.notNull())
        .addColumn('reader_unit', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('case_stream', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text')
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('access_log_subject').ifNotExists().on('access_log').columns(['subject_id', 'seq']).execute();
      await db.schema.createIndex('access_log_reader').ifNotExists().on('access_log').columns(['reader_id', 'seq']).execute();
      await db.schema.createIndex('access_log_at').ifNotExists().on('access_log').column('at').execute();
      await db.schema
        .createTable('access_log_head')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('seq', seq, (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await appendOnlyTriggers(db, dialect);
    },
  },
};
