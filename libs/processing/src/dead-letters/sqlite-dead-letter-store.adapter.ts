import Database from 'better-sqlite3';
import { SqliteTableStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { DeadLetter, DeadLetterStore } from './dead-letter-store.port';

interface Row {
  readonly id: string;
  readonly workflow: string;
  readonly instance: string | null;
  readonly input: string;
  readonly error: string;
  readonly attempts: number;
  readonly at: string;
}

/** Dead letters in a `dead_letters` table, so they survive restarts for admins to see and retry. */
export class SqliteDeadLetterStore extends SqliteTableStore implements DeadLetterStore {
  constructor(dbOrFile: Database.Database | string) {
    super(
      dbOrFile,
      `CREATE TABLE IF NOT EXISTS dead_letters (
         seq INTEGER PRIMARY KEY AUTOINCREMENT,
         id TEXT NOT NULL UNIQUE,
         workflow TEXT NOT NULL,
         instance TEXT,
         input TEXT NOT NULL,
         error TEXT NOT NULL,
         attempts INTEGER NOT NULL,
         at TEXT NOT NULL
       )`,
    );
  }

  async put(letter: DeadLetter): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(letter.id);
      this.db
        .prepare('INSERT INTO dead_letters (id, workflow, instance, input, error, attempts, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(letter.id, letter.workflow, letter.instance, JSON.stringify(letter.input), letter.error, letter.attempts, letter.at);
    })();
  }

  async get(id: string): Promise<DeadLetter | null> {
    const row = this.db.prepare('SELECT * FROM dead_letters WHERE id = ?').get(id) as Row | undefined;
    return row ? toLetter(row) : null;
  }

  async list(workflow?: string): Promise<DeadLetter[]> {
    const rows = (
      workflow === undefined
        ? this.db.prepare('SELECT * FROM dead_letters ORDER BY seq').all()
        : this.db.prepare('SELECT * FROM dead_letters WHERE workflow = ? ORDER BY seq').all(workflow)
    ) as Row[];
    return rows.map(toLetter);
  }

  /** How many are parked (the metrics read it at every scrape: a count, not the rows). */
  async count(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get() as { n: number }).n;
  }

  async remove(id: string): Promise<void> {
    this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(id);
  }
}

function toLetter(row: Row): DeadLetter {
  return {
    id: row.id,
    workflow: row.workflow,
    instance: row.instance,
    input: JSON.parse(row.input) as DeadLetter['input'],
    error: row.error,
    attempts: row.attempts,
    at: row.at,
  };
}
