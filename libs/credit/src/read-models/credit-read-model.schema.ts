import type Database from 'better-sqlite3';

/**
 * Tables of the credit read model (prefix `credit_`). `credit_archives` keeps each institution's
 * folded archive state (so every read path can pass it through creditViewFor) and its level as of
 * the last event (creditLevel); reads recompute the level as of now, since levels age.
 */
export const CREDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS credit_archives (
  institution_id TEXT PRIMARY KEY,
  state          TEXT NOT NULL,
  level          TEXT NOT NULL,
  level_reason   TEXT NOT NULL,
  level_as_of    TEXT NOT NULL
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

export const CREDIT_TABLES = ['credit_archives', 'credit_conflicts', 'credit_draws'] as const;
