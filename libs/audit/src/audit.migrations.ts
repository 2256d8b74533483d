import { CreateTableBuilder, sql } from 'kysely';
import { MigrationSet, SqlDialectName } from '@bihuan/database';

/**
 * SQLite keeps these tables keyed by their primary key alone (WITHOUT ROWID: the case index's
 * lookups are all by key or covering index). PostgreSQL has no such clause; its heap needs none.
 */
function withoutRowid<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  dialect: SqlDialectName,
): CreateTableBuilder<T, C> {
  return dialect === 'sqlite' ? table.modifyEnd(sql`WITHOUT ROWID`) : table;
}

/**
 * The audit's tables in the read-model database. The baseline is what `sqlite-case-index.schema.ts`
 * and the SQLite audit trail created before migrations (same names, columns and indexes, each `if
 * not exists`), so an existing data directory adopts it unchanged.
 * - `audit_events`: one row per event with its resolved cause; `audit_commands`: recorded command
 *   ids → the event that recorded them; `audit_links`: causal edges that cross correlations.
 * - `audit_access`: the access audit when privacy's AccessLog is not wired (SqlAuditTrail).
 */
export const AUDIT_MIGRATIONS: MigrationSet = {
  owner: 'audit',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      await withoutRowid(
        db.schema
          .createTable('audit_events')
          .ifNotExists()
          .addColumn('event_id', 'text', (c) => c.primaryKey())
          .addColumn('stream', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('position', 'bigint', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('correlation_id', 'text', (c) => c.notNull())
          .addColumn('causation_id', 'text')
          .addColumn('cause_event_id', 'text')
          .addColumn('recorded_at', 'text', (c) => c.notNull()),
        dialect,
      ).execute();
      // Covering indexes: the link walk and the stream shares never touch the table rows.
      await db.schema
        .createIndex('audit_events_stream')
        .ifNotExists()
        .on('audit_events')
        .columns(['stream', 'correlation_id', 'position', 'recorded_at'])
        .execute();
      await db.schema
        .createIndex('audit_events_correlation')
        .ifNotExists()
        .on('audit_events')
        .columns(['correlation_id', 'stream', 'revision', 'position', 'recorded_at'])
        .execute();
      await db.schema.createIndex('audit_events_causation').ifNotExists().on('audit_events').column('causation_id').execute();
      await withoutRowid(
        db.schema
          .createTable('audit_commands')
          .ifNotExists()
          .addColumn('command_id', 'text', (c) => c.primaryKey())
          .addColumn('recorded_by', 'text', (c) => c.notNull()),
        dialect,
      ).execute();
      await db.schema
        .createTable('audit_links')
        .ifNotExists()
        .addColumn('from_correlation', 'text', (c) => c.notNull())
        .addColumn('to_correlation', 'text', (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_links_from').ifNotExists().on('audit_links').column('from_correlation').execute();
      await db.schema.createIndex('audit_links_to').ifNotExists().on('audit_links').column('to_correlation').execute();
      await db.schema
        .createTable('audit_access')
        .ifNotExists()
        .addColumn('id', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reader_id', 'text', (c) => c.notNull())
        .addColumn('reader', 'text', (c) => c.notNull())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_access_stream').ifNotExists().on('audit_access').columns(['stream', 'at']).execute();
      await db.schema.createIndex('audit_access_reader').ifNotExists().on('audit_access').columns(['reader_id', 'at']).execute();
    },
  },
};
