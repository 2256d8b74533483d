import Database from 'better-sqlite3';
import { PendingDeadline, PendingDeadlinesStore } from './pending-deadlines';

interface Row {
  readonly stream: string;
  readonly deadline_id: string;
  readonly purpose: string;
  readonly status: 'pending' | 'paused';
  readonly due_at: string;
  readonly warn_at: string;
  readonly warned: string;
  readonly calendar_version: string;
  readonly correlation_id: string;
  readonly causation_id: string;
}

/** The pending-deadlines read model in a `pending_deadlines` table of the given database. */
export class SqlitePendingDeadlines implements PendingDeadlinesStore {
  constructor(readonly db: Database.Database) {
    dropIfOlderSchema(db);
    db.exec(
      `CREATE TABLE IF NOT EXISTS pending_deadlines (
         stream TEXT NOT NULL,
         deadline_id TEXT NOT NULL,
         purpose TEXT NOT NULL,
         status TEXT NOT NULL,
         due_at TEXT NOT NULL,
         warn_at TEXT NOT NULL,
         warned TEXT NOT NULL,
         calendar_version TEXT NOT NULL,
         correlation_id TEXT NOT NULL,
         causation_id TEXT NOT NULL,
         PRIMARY KEY (stream, deadline_id)
       );
       CREATE INDEX IF NOT EXISTS pending_deadlines_due ON pending_deadlines (due_at);`,
    );
  }

  get(stream: string, deadlineId: string): PendingDeadline | null {
    const row = this.db.prepare('SELECT * FROM pending_deadlines WHERE stream = ? AND deadline_id = ?').get(stream, deadlineId) as
      Row | undefined;
    return row ? toPending(row) : null;
  }

  put(p: PendingDeadline): void {
    this.db
      .prepare(
        `INSERT INTO pending_deadlines (stream, deadline_id, purpose, status, due_at, warn_at, warned, calendar_version, correlation_id, causation_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stream, deadline_id) DO UPDATE SET purpose = excluded.purpose, status = excluded.status,
           due_at = excluded.due_at, warn_at = excluded.warn_at, warned = excluded.warned, calendar_version = excluded.calendar_version,
           correlation_id = excluded.correlation_id, causation_id = excluded.causation_id`,
      )
      .run(
        p.stream,
        p.deadlineId,
        p.purpose,
        p.status,
        p.dueAt,
        JSON.stringify(p.warnAt),
        JSON.stringify(p.warned),
        p.calendarVersion,
        p.correlationId,
        p.causationId,
      );
  }

  remove(stream: string, deadlineId: string): void {
    this.db.prepare('DELETE FROM pending_deadlines WHERE stream = ? AND deadline_id = ?').run(stream, deadlineId);
  }

  list(): PendingDeadline[] {
    return (this.db.prepare('SELECT * FROM pending_deadlines ORDER BY due_at, stream, deadline_id').all() as Row[]).map(toPending);
  }

  /**
   * Calendar versions of the pending and paused rows with their count, read-only (the API reads
   * the worker's table; nothing when the worker has not created it yet).
   */
  static versionCounts(db: Database.Database): { calendarVersion: string; count: number }[] {
    const columns = db.prepare("SELECT name FROM pragma_table_info('pending_deadlines')").all() as { name: string }[];
    if (!columns.some((c) => c.name === 'calendar_version')) return [];
    return db
      .prepare('SELECT calendar_version AS calendarVersion, COUNT(*) AS count FROM pending_deadlines GROUP BY calendar_version')
      .all() as {
      calendarVersion: string;
      count: number;
    }[];
  }
}

function toPending(row: Row): PendingDeadline {
  return {
    stream: row.stream,
    deadlineId: row.deadline_id,
    purpose: row.purpose,
    status: row.status,
    dueAt: row.due_at,
    warnAt: JSON.parse(row.warn_at) as string[],
    warned: JSON.parse(row.warned) as string[],
    calendarVersion: row.calendar_version,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  };
}

/**
 * Read models are disposable (architecture.md, rule 7): a table from before `calendar_version`
 * existed is dropped with the projection's checkpoint, so the runner rebuilds it from the log.
 */
function dropIfOlderSchema(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('pending_deadlines')").all() as { name: string }[];
  if (columns.length === 0 || columns.some((c) => c.name === 'calendar_version')) return;
  db.exec('DROP TABLE pending_deadlines');
  const checkpoints = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'").get();
  if (checkpoints) db.prepare("DELETE FROM checkpoints WHERE name = 'pendingDeadlines'").run();
}
