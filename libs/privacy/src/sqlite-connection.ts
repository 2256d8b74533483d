import Database from 'better-sqlite3';

/**
 * Opens a SQLite file and builds a store on the connection; if building fails (a pragma, the
 * schema, a statement), the connection is closed again so no file handle leaks.
 */
export function buildOnNewConnection<T>(file: string, busyTimeoutMs: number | undefined, build: (db: Database.Database) => T): T {
  const db = new Database(file, { timeout: busyTimeoutMs ?? 5000 });
  try {
    return build(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
