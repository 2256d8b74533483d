import type Database from 'better-sqlite3';
import { addMissingColumns } from '@bihuan/processing';

/**
 * Read-model tables of the complaints context (prefix `complaints_`), in READ_MODEL_DB.
 * Disposable: rebuilt from the log by the `complaints-tickets` projection. They never hold a
 * complainant's identity (only the subject id, for admin look-ups) nor the ciphertext.
 */
export const COMPLAINTS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS complaints_tickets (
  ticket_id TEXT PRIMARY KEY,
  ticket_code TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  complainant_kind TEXT NOT NULL,
  subject_id TEXT,
  staff_id TEXT,
  external_reference TEXT,
  receiving_unit TEXT NOT NULL,
  concerned_institution_id TEXT,
  institution_id TEXT,
  department_ids TEXT NOT NULL DEFAULT '[]',
  complexity TEXT,
  round INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  resolution TEXT,
  dispatched_at TEXT,
  acknowledged_at TEXT,
  ack_due_at TEXT,
  ack_calendar_version TEXT,
  ack_on_time INTEGER,
  ack_overdue INTEGER NOT NULL DEFAULT 0,
  answer_due_at TEXT,
  answer_calendar_version TEXT,
  answer_overdue INTEGER NOT NULL DEFAULT 0,
  decided_at TEXT,
  decision TEXT,
  findings TEXT,
  implicated_staff_id TEXT,
  answered_at TEXT,
  answer TEXT,
  answer_on_time INTEGER,
  followed_up_at TEXT,
  rating TEXT,
  rating_source TEXT,
  closed_at TEXT,
  close_outcome TEXT,
  close_reason TEXT,
  declined_at TEXT,
  decline_ground TEXT,
  decline_reason TEXT,
  waiting_since TEXT,
  supervised_at TEXT,
  supervision_due_at TEXT,
  supervision_calendar_version TEXT,
  publicly_noticed_at TEXT,
  extension_pending INTEGER NOT NULL DEFAULT 0,
  reminders INTEGER NOT NULL DEFAULT 0,
  returns INTEGER NOT NULL DEFAULT 0,
  reopens INTEGER NOT NULL DEFAULT 0,
  last_return_reason TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS complaints_tickets_code ON complaints_tickets (ticket_code);
CREATE INDEX IF NOT EXISTS complaints_tickets_institution ON complaints_tickets (institution_id, received_at);
CREATE INDEX IF NOT EXISTS complaints_tickets_received ON complaints_tickets (received_at);
CREATE INDEX IF NOT EXISTS complaints_tickets_subject ON complaints_tickets (subject_id);
CREATE TABLE IF NOT EXISTS complaints_steps (
  ticket_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  step TEXT NOT NULL,
  institution_id TEXT,
  due_at TEXT,
  done_at TEXT,
  on_time INTEGER,
  expired INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ticket_id, round, step)
);
CREATE TABLE IF NOT EXISTS complaints_history (
  position INTEGER PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_unit TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS complaints_history_ticket ON complaints_history (ticket_id, position);
`;

/** Columns added after the first release: the calendar version of each due date (is it provisional?). */
const ADDED_TICKET_COLUMNS = {
  ack_calendar_version: 'TEXT',
  answer_calendar_version: 'TEXT',
  supervision_calendar_version: 'TEXT',
} as const;

export function ensureComplaintsSchema(db: Database.Database): void {
  db.exec(COMPLAINTS_SCHEMA_SQL);
  addMissingColumns(db, 'complaints_tickets', ADDED_TICKET_COLUMNS);
}

export const COMPLAINTS_TABLES = ['complaints_tickets', 'complaints_steps', 'complaints_history'] as const;
