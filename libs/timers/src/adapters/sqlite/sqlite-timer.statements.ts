import type { Database, Statement } from 'better-sqlite3';
import { boundLimit } from '@bihuan/database';

/**
 * Table `timers`, living in the event store's SQLite file so a timer and the events that armed it
 * share one backup. `due_ms` is the timer's own due instant (what `pending()` orders by);
 * `due_at` is when the poller may next deliver it (due_ms at first, later after a failure, NULL
 * once it has used up its attempts). `version` changes on every schedule so a handler that
 * finishes after a reschedule deletes nothing; the lease is what keeps two processes apart.
 */
export const TIMERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS timers (
  id          TEXT PRIMARY KEY,
  due_iso     TEXT NOT NULL,
  due_ms      INTEGER NOT NULL,
  due_at      INTEGER,
  payload     TEXT NOT NULL,
  version     TEXT NOT NULL,
  attempt     INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until INTEGER,
  last_error  TEXT
);
CREATE INDEX IF NOT EXISTS timers_due_at ON timers(due_at);
CREATE INDEX IF NOT EXISTS timers_lease_owner ON timers(lease_owner) WHERE lease_owner IS NOT NULL;
`;

export interface TimerRow {
  readonly id: string;
  readonly due_iso: string;
  readonly payload: string;
  readonly version: string;
  readonly attempt: number;
  readonly due_at: number;
}

export interface TimerStatements {
  readonly upsert: Statement;
  readonly reschedule: Statement;
  readonly cancel: Statement;
  readonly pending: Statement;
  /** Which of a JSON array of ids are pending (parked rows are not). */
  readonly present: Statement;
  /** One atomic statement: select due, unleased (or lease-expired) rows and lease them. */
  readonly claim: Statement;
  readonly renew: Statement;
  readonly complete: Statement;
  readonly fail: Statement;
  readonly release: Statement;
}

export function prepareTimerStatements(db: Database): TimerStatements {
  db.exec(TIMERS_SCHEMA);
  return {
    upsert: db.prepare(`
      INSERT INTO timers (id, due_iso, due_ms, due_at, payload, version, attempt)
      VALUES (@id, @dueIso, @dueMs, @dueMs, @payload, @version, 0)
      ON CONFLICT(id) DO UPDATE SET due_iso = excluded.due_iso, due_ms = excluded.due_ms,
        due_at = excluded.due_at, payload = excluded.payload, version = excluded.version,
        attempt = 0, lease_owner = NULL, lease_until = NULL, last_error = NULL`),
    reschedule: db.prepare(`
      UPDATE timers SET due_iso = @dueIso, due_ms = @dueMs, due_at = @dueMs, version = @version,
        attempt = 0, lease_owner = NULL, lease_until = NULL, last_error = NULL
      WHERE id = @id`),
    cancel: db.prepare(`DELETE FROM timers WHERE id = ?`),
    pending: db.prepare(`SELECT id, due_iso, payload FROM timers WHERE due_at IS NOT NULL ORDER BY due_ms, id`),
    present: db.prepare(`SELECT id FROM timers WHERE due_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`).pluck(),
    claim: db.prepare(`
      UPDATE timers SET lease_owner = @owner, lease_until = @until, attempt = attempt + 1
      WHERE id IN (
        SELECT id FROM timers
        WHERE due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
        ORDER BY due_at LIMIT ${boundLimit('@limit')})
      RETURNING id, due_iso, payload, version, attempt, due_at`),
    renew: db.prepare(`UPDATE timers SET lease_until = @until WHERE lease_owner = @owner`),
    complete: db.prepare(`DELETE FROM timers WHERE id = @id AND version = @version`),
    fail: db.prepare(`
      UPDATE timers SET due_at = @nextAt, lease_owner = NULL, lease_until = NULL, last_error = @error
      WHERE id = @id AND version = @version`),
    release: db.prepare(`
      UPDATE timers SET lease_owner = NULL, lease_until = NULL, attempt = attempt - 1
      WHERE id = @id AND version = @version AND lease_owner = @owner`),
  };
}
