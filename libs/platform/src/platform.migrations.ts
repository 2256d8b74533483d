import { MigrationSet } from '@bihuan/database';

/**
 * The platform's own tables in the read-model database: idempotency records and the stream-stats
 * read model. Baselines reproduce the tables of the SQLite files from before migrations (with
 * `ifNotExists`), so an existing data directory adopts them unchanged.
 */
export const PLATFORM_TABLE_MIGRATIONS: MigrationSet = {
  owner: 'platform',
  migrations: {
    // Epoch milliseconds overflow PostgreSQL's 4-byte integer: bigint (an INTEGER on SQLite all the same).
    '0001-idempotency-keys': async (db) => {
      await db.schema
        .createTable('idempotency_keys')
        .ifNotExists()
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint_hash', 'text', (c) => c.notNull())
        .addColumn('reserved_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('response', 'text')
        .execute();
      await db.schema.createIndex('idempotency_keys_expiry').ifNotExists().on('idempotency_keys').column('expires_at').execute();
    },
    '0002-stream-stats': async (db) => {
      await db.schema
        .createTable('stream_stats')
        .ifNotExists()
        .addColumn('category', 'text', (c) => c.primaryKey())
        .addColumn('streams', 'integer', (c) => c.notNull())
        .addColumn('events', 'bigint', (c) => c.notNull())
        .addColumn('last_position', 'bigint', (c) => c.notNull())
        .addColumn('last_recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
