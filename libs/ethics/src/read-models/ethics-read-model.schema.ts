import type Database from 'better-sqlite3';

/**
 * Tables of the ethics read model (prefix `ethics_`), in the read-model database. Created by the
 * projection in the worker and by the queries in the API (which may run without a worker).
 */
export const ETHICS_SCHEMA = `
CREATE TABLE IF NOT EXISTS ethics_archives (
  staff_id       TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL,
  department_id  TEXT,
  name           TEXT,
  implicit       INTEGER NOT NULL,
  opened_by      TEXT NOT NULL,
  opened_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ethics_archives_institution ON ethics_archives (institution_id);
CREATE TABLE IF NOT EXISTS ethics_records (
  staff_id       TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  institution_id TEXT NOT NULL,
  source_kind    TEXT NOT NULL,
  record_kind    TEXT,
  category       TEXT,
  summary        TEXT NOT NULL,
  evidence       TEXT NOT NULL,
  points         REAL NOT NULL,
  veto_item      TEXT,
  occurred_at    TEXT NOT NULL,
  year           INTEGER NOT NULL,
  caused_by      TEXT,
  added_by       TEXT NOT NULL,
  retracted      INTEGER NOT NULL DEFAULT 0,
  retract_reason TEXT,
  position       INTEGER NOT NULL,
  PRIMARY KEY (staff_id, record_id)
);
CREATE TABLE IF NOT EXISTS ethics_evaluations (
  evaluation_id     TEXT PRIMARY KEY,
  institution_id    TEXT NOT NULL,
  year              INTEGER NOT NULL,
  staff_id          TEXT NOT NULL,
  department_id     TEXT,
  status            TEXT NOT NULL,
  self_summary      TEXT,
  self_score        REAL,
  department_score  REAL,
  assessed_score    REAL,
  deductions        REAL,
  additions         REAL,
  final_score       REAL,
  veto_items        TEXT,
  provisional_grade TEXT,
  reason            TEXT,
  grade             TEXT,
  downgraded_by_cap INTEGER,
  passes_assessment INTEGER,
  posted_until      TEXT
);
CREATE INDEX IF NOT EXISTS ethics_evaluations_inst_year ON ethics_evaluations (institution_id, year);
`;

export function ensureEthicsSchema(db: Database.Database): void {
  db.exec(ETHICS_SCHEMA);
}

export const ETHICS_TABLES = ['ethics_archives', 'ethics_records', 'ethics_evaluations'] as const;
