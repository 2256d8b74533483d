import Database from 'better-sqlite3';
import { CheckpointStore } from './checkpoint-store.port';

/** Opens a file (WAL, synchronous=FULL) or adopts a Database the caller already holds. */
export function openSqlite(dbOrFile: Database.Database | string): Database.Database {
  if (typeof dbOrFile !== 'string') return dbOrFile;
  const db = new Database(dbOrFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A store kept in a table of one SQLite database: it creates its table, and closes only a database it opened itself. */
export abstract class SqliteTableStore {
  readonly db: Database.Database;
  private readonly ownsDb: boolean;

  protected constructor(dbOrFile: Database.Database | string, schemaSql: string) {
    this.ownsDb = typeof dbOrFile === 'string';
    this.db = openSqlite(dbOrFile);
    this.db.exec(schemaSql);
  }

  /** Closes the database only when this store opened it from a file path. */
  close(): void {
    if (this.ownsDb) this.db.close();
  }
}

/**
 * Checkpoints in a `checkpoints` table. Given the Database a read model writes to, a projection
 * can save its checkpoint in the same transaction as its rows (`loadSync`/`saveSync`, see
 * SqliteProjection), so the two can never disagree after a crash.
 */
export class SqliteCheckpointStore extends SqliteTableStore implements CheckpointStore {
  /*
   * Prepared once per connection: every read-your-writes wait asks for checkpoints, and preparing
   * per call cost more than the lookup itself (issue 14). SQLite re-prepares them itself should the
   * table be recreated.
   */
  private readonly loadOne: Database.Statement<[string], { position: number }>;
  private readonly saveOne: Database.Statement<[string, number]>;
  private readonly deleteOne: Database.Statement<[string]>;

  constructor(dbOrFile: Database.Database | string) {
    super(
      dbOrFile,
      `CREATE TABLE IF NOT EXISTS checkpoints (
         name TEXT PRIMARY KEY,
         position INTEGER NOT NULL
       )`,
    );
    this.loadOne = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.saveOne = this.db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
    );
    this.deleteOne = this.db.prepare('DELETE FROM checkpoints WHERE name = ?');
  }

  loadSync(name: string): number | null {
    const row = this.loadOne.get(name);
    return row ? row.position : null;
  }

  saveSync(name: string, position: number): void {
    this.saveOne.run(name, position);
  }

  deleteSync(name: string): void {
    this.deleteOne.run(name);
  }

  async load(name: string): Promise<number | null> {
    return this.loadSync(name);
  }

  async save(name: string, position: number): Promise<void> {
    this.saveSync(name, position);
  }

  async delete(name: string): Promise<void> {
    this.deleteSync(name);
  }
}
