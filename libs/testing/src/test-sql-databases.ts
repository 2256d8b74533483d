import { MigrationSet, migrateToLatest, openPostgresDatabase, openSqliteDatabase, SqlDatabase, SqlDialectName } from '@bihuan/database';
import { createTestPostgresDatabase } from './test-postgres';

/** A migrated database for one suite; `dispose` closes it and drops what it made. */
export interface TestSqlDatabase {
  readonly database: SqlDatabase;
  dispose(): Promise<void>;
}

export interface TestSqlDialect {
  readonly name: SqlDialectName;
  /** A new, empty database with `migrations` applied (add PROCESSING_MIGRATIONS for checkpoints). */
  open(migrations: readonly MigrationSet[]): Promise<TestSqlDatabase>;
}

/**
 * Both engines the read models run on, for `describe.each(TEST_SQL_DIALECTS)('… on $name', …)`:
 * written once, a read model is tested on SQLite (in memory) and on PostgreSQL (a database of its
 * own on the local server, POSTGRES_TEST_URL).
 */
export const TEST_SQL_DIALECTS: readonly TestSqlDialect[] = [
  {
    name: 'sqlite',
    async open(migrations) {
      const database = openSqliteDatabase({ file: ':memory:' });
      await migrateToLatest(database, migrations);
      return { database, dispose: () => database.close() };
    },
  },
  {
    name: 'postgres',
    async open(migrations) {
      const server = await createTestPostgresDatabase('sql');
      const database = await openPostgresDatabase({ url: server.url, poolSize: 4 });
      try {
        await migrateToLatest(database, migrations);
      } catch (error) {
        await database.close();
        await server.drop();
        throw error;
      }
      return {
        database,
        dispose: async () => {
          await database.close();
          await server.drop();
        },
      };
    },
  },
];
