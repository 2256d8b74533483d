import { Kysely, sql } from 'kysely';
import { MigrationSet, NoTables, SqlDialectName } from '@bihuan/database';

/** SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT` is PostgreSQL's identity column: the one place the two differ here. */
function withSequence(db: Kysely<NoTables>, table: string, dialect: SqlDialectName) {
  const create = db.schema.createTable(table).ifNotExists();
  return dialect === 'postgres'
    ? create.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : create.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * The pending-deadlines table before `calendar_version` existed (no migrations then) is dropped
 * with its checkpoint, so the projection rebuilds it from the log: read models are disposable
 * (architecture.md, rule 7). Only SQLite data directories are that old.
 */
async function dropPendingDeadlinesOfOlderSchema(db: Kysely<NoTables>, dialect: SqlDialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  const tables = await db.introspection.getTables();
  const old = tables.find((t) => t.name === 'pending_deadlines');
  if (!old || old.columns.some((c) => c.name === 'calendar_version')) return;
  await db.schema.dropTable('pending_deadlines').execute();
  await sql`DELETE FROM checkpoints WHERE name = 'pendingDeadlines'`.execute(db);
}

/**
 * Tables of the processing machinery in the read-model database. Baselines use `ifNotExists`
 * with today's columns, so a data directory from before migrations adopts them unchanged.
 */
export const PROCESSING_MIGRATIONS: MigrationSet = {
  owner: 'processing',
  migrations: {
    '0001-checkpoints': async (db) => {
      await db.schema
        .createTable('checkpoints')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
    },
    // `seq` keeps the order letters were parked in (a letter parked again goes last).
    '0002-dead-letters': async (db, dialect) => {
      await withSequence(db, 'dead_letters', dialect)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('workflow', 'text', (c) => c.notNull())
        .addColumn('instance', 'text')
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('error', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
    '0003-pending-deadlines': async (db, dialect) => {
      await dropPendingDeadlinesOfOlderSchema(db, dialect);
      await db.schema
        .createTable('pending_deadlines')
        .ifNotExists()
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('deadline_id', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('warn_at', 'text', (c) => c.notNull())
        .addColumn('warned', 'text', (c) => c.notNull())
        .addColumn('calendar_version', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .addColumn('causation_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pending_deadlines_pkey', ['stream', 'deadline_id'])
        .execute();
      await db.schema.createIndex('pending_deadlines_due').ifNotExists().on('pending_deadlines').column('due_at').execute();
    },
  },
};
