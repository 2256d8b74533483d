import type Database from 'better-sqlite3';

/**
 * Tables of the credit read model (prefix `credit_`). `credit_archive_states` keeps each
 * institution's folded archive state (low-rate facts) and `credit_points` one row per points entry
 * (ADR 0006), so applying an event touches one small row whatever the institution's record holds;
 * reads join them into a CreditRecord for creditViewFor and creditLevel (as of now: levels age).
 */
export const CREDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS credit_archive_states (
  institution_id TEXT PRIMARY KEY,
  state          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS credit_points (
  institution_id TEXT NOT NULL,
  points_id      TEXT NOT NULL,
  cycle_no       INTEGER NOT NULL,
  entry          TEXT NOT NULL,
  revoked        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (institution_id, points_id)
);
CREATE TABLE IF NOT EXISTS credit_conflicts (
  inspector_id   TEXT NOT NULL,
  institution_id TEXT NOT NULL,
  reason         TEXT NOT NULL,
  declared_at    TEXT NOT NULL,
  PRIMARY KEY (inspector_id, institution_id)
);
CREATE TABLE IF NOT EXISTS credit_draws (
  draw_id      TEXT PRIMARY KEY,
  jurisdiction TEXT NOT NULL,
  status       TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  visits       INTEGER
);
`;

export function ensureCreditSchema(db: Database.Database): void {
  db.exec(CREDIT_SCHEMA);
}

export const CREDIT_TABLES = ['credit_archive_states', 'credit_points', 'credit_conflicts', 'credit_draws'] as const;
