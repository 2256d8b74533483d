import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrateToLatest, openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { PRIVACY_MIGRATIONS } from './privacy.migrations';

/** The PostgreSQL schema of the key store: granted to the service account and backed up apart (docs/privacy.md). */
export const PRIVACY_SCHEMA = 'privacy';

/** The key file's default place: beside the log, never inside it (`${DATA_DIR}/keys.sqlite`). */
export function defaultKeyStoreFile(dataDir: string): string {
  return join(dataDir, 'keys.sqlite');
}

export interface PrivacyDatabaseOptions {
  /** DATA_DIR: the embedded default keeps the keys in `${dataDir}/keys.sqlite`. */
  readonly dataDir: string;
  /** POSTGRES_URL, or null for the embedded default. With a URL the keys go to schema `privacy`. */
  readonly url: string | null;
  /** Wait for another process's write lock on the key file (ms, default 5000). */
  readonly busyTimeoutMs?: number;
}

/**
 * The key file: created owner-only (0600); rollback journal, not WAL, so no old page lingers in a
 * `-wal` file after an erasure; `secure_delete` so SQLite zeroes the freed key bytes in place.
 */
function openKeyFile(file: string, busyTimeoutMs: number): SqlDatabase {
  const fresh = !existsSync(file);
  const raw = new BetterSqlite3(file, { timeout: busyTimeoutMs });
  try {
    if (fresh) chmodSync(file, 0o600);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('synchronous = FULL');
    raw.pragma('secure_delete = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  // Lent to Kysely so the pragmas above stay as set; closing closes the connection.
  const database = openSqliteDatabase({ file: raw });
  return {
    ...database,
    close: async () => {
      await database.db.destroy();
      if (raw.open) raw.close();
    },
  };
}

/**
 * The privacy database, migrated with PRIVACY_MIGRATIONS: `keys.sqlite` in the data directory, or
 * schema `privacy` of the PostgreSQL database when a URL is given. Several processes opening it
 * together migrate once. The caller closes it.
 */
export async function openPrivacyDatabase(options: PrivacyDatabaseOptions): Promise<SqlDatabase> {
  const database = options.url
    ? await openPostgresDatabase({ url: options.url, schema: PRIVACY_SCHEMA })
    : openKeyFile(defaultKeyStoreFile(options.dataDir), options.busyTimeoutMs ?? 5000);
  try {
    await migrateToLatest(database, [PRIVACY_MIGRATIONS]);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
