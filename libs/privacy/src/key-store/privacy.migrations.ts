import { sql } from 'kysely';
import { MigrationSet } from '@bihuan/database';

/**
 * The privacy database's tables: the subject keys, kept apart from the log and the read models
 * (`${DATA_DIR}/keys.sqlite`, or schema `privacy` on PostgreSQL). The baseline is what
 * SqliteSubjectKeyStore created before migrations (same table, columns and CHECK, `if not exists`),
 * so an existing key file adopts it. `key` is NULL exactly when erased; the row stays as the
 * tombstone. No index or copy of `key` exists.
 */
export const PRIVACY_MIGRATIONS: MigrationSet = {
  owner: 'privacy',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      const table = db.schema
        .createTable('subject_keys')
        .ifNotExists()
        .addColumn('subject_id', 'text', (c) => c.primaryKey())
        .addColumn('key', dialect === 'postgres' ? 'bytea' : 'blob')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text')
        .addColumn('erased_by', 'text')
        .addColumn('erased_reason', 'text')
        .addCheckConstraint('subject_keys_key_iff_not_erased', sql`(key IS NULL) = (erased_at IS NOT NULL)`);
      // SQLite: keyed by subject alone (WITHOUT ROWID), as before; PostgreSQL has no such clause.
      await (dialect === 'sqlite' ? table.modifyEnd(sql`WITHOUT ROWID`) : table).execute();
    },
  },
};
