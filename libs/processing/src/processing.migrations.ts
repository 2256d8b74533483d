import { MigrationSet } from '@bihuan/database';

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
  },
};
