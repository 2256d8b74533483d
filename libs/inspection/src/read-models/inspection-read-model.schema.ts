import type Database from 'better-sqlite3';
import { addMissingColumns } from '@bihuan/processing';

/**
 * Read-model tables of the inspection context (prefix `inspection_`), in the read-model database.
 * One row per finding is the rectification ledger (整改台账); one row per visit. Disposable:
 * rebuilt from the log by the projections (clear + replay).
 */
export const INSPECTION_SCHEMA = `
CREATE TABLE IF NOT EXISTS inspection_findings (
  finding_id              TEXT PRIMARY KEY,
  institution_id          TEXT NOT NULL,
  visit_id                TEXT NOT NULL,
  visit_kind              TEXT NOT NULL,
  campaign_id             TEXT,
  category                TEXT NOT NULL,
  severity                TEXT NOT NULL,
  description             TEXT NOT NULL,
  evidence                TEXT NOT NULL DEFAULT '[]',
  required_action         TEXT NOT NULL,
  responsible_department  TEXT NOT NULL,
  responsible_person      TEXT,
  measures                TEXT,
  plan_revision           INTEGER NOT NULL DEFAULT 0,
  planned_completion      TEXT,
  notice_no               TEXT,
  notice_issued_at        TEXT,
  round                   INTEGER NOT NULL DEFAULT 1,
  rectify_deadline_id     TEXT,
  rectify_due_at          TEXT,
  rectify_calendar_version TEXT,
  current_deadline_id     TEXT,
  current_due_at          TEXT,
  current_calendar_version TEXT,
  progress_summary        TEXT,
  percent_complete        INTEGER,
  progress_reports        INTEGER NOT NULL DEFAULT 0,
  status                  TEXT NOT NULL,
  escalation_rung         TEXT,
  escalation_step         INTEGER,
  on_time                 INTEGER,
  signed_off_at           TEXT,
  signed_off_by           TEXT,
  recheck_status          TEXT NOT NULL DEFAULT 'none',
  recheck_due_at          TEXT,
  pending_extension_id    TEXT,
  pending_extension_due_at TEXT,
  extensions_approved     INTEGER NOT NULL DEFAULT 0,
  last_rejection          TEXT,
  withdrawn_reason        TEXT,
  opened_at               TEXT NOT NULL,
  opened_by               TEXT NOT NULL,
  opened_position         INTEGER NOT NULL,
  updated_at              TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inspection_findings_institution ON inspection_findings (institution_id, opened_position);
CREATE INDEX IF NOT EXISTS inspection_findings_visit ON inspection_findings (visit_id, opened_position);
-- Keyset pages of the whole scope walk this in order instead of sorting every row in scope.
CREATE INDEX IF NOT EXISTS inspection_findings_opened ON inspection_findings (opened_position);
CREATE TABLE IF NOT EXISTS inspection_visits (
  visit_id         TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  institution_id   TEXT NOT NULL,
  campaign_id      TEXT,
  inspector_ids    TEXT NOT NULL DEFAULT '[]',
  planned_date     TEXT NOT NULL,
  planned_by       TEXT NOT NULL,
  conducted_on     TEXT,
  summary          TEXT,
  status           TEXT NOT NULL,
  finding_ids      TEXT NOT NULL DEFAULT '[]',
  closed_at        TEXT,
  reopen_count     INTEGER NOT NULL DEFAULT 0,
  cancelled_reason TEXT,
  created_position INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inspection_visits_institution ON inspection_visits (institution_id, created_position);
-- Keyset pages of the whole scope walk this in order instead of sorting every row in scope.
CREATE INDEX IF NOT EXISTS inspection_visits_created ON inspection_visits (created_position);
`;

/** Columns added after the first release: the calendar version of each due date (is it provisional?). */
const ADDED_FINDING_COLUMNS = { rectify_calendar_version: 'TEXT', current_calendar_version: 'TEXT' } as const;

export function ensureInspectionSchema(db: Database.Database): void {
  db.exec(INSPECTION_SCHEMA);
  addMissingColumns(db, 'inspection_findings', ADDED_FINDING_COLUMNS);
}

/** Statuses in which a row still needs work (not signed off, not withdrawn). */
export const ACTIVE_STATUSES = ['open', 'noticeIssued', 'inProgress', 'signOffRequested'] as const;

/**
 * SQL for "overdue against the clock": the row is active, its deadline clock has started, and
 * either a rung of the escalation ladder was reached in this round or its current deadline has
 * passed by `@now` (so a wake-up that is late still shows the row overdue).
 */
export const OVERDUE_SQL = `(status IN ('open','noticeIssued','inProgress','signOffRequested')
  AND current_due_at IS NOT NULL AND (escalation_step IS NOT NULL OR current_due_at < @now))`;
