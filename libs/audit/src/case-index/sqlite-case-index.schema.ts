/**
 * Tables of the SQLite case index. `audit_events` has one row per event with its resolved cause;
 * `audit_commands` maps recorded command ids to the event that recorded them; `audit_links`
 * holds causal edges that cross correlations (few: most effects share their cause's correlation).
 */
export const CASE_INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_events (
  event_id       TEXT PRIMARY KEY,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  correlation_id TEXT    NOT NULL,
  causation_id   TEXT,
  cause_event_id TEXT,
  recorded_at    TEXT    NOT NULL
) WITHOUT ROWID;
-- Covering indexes: the link walk and the stream shares never touch the table rows.
CREATE INDEX IF NOT EXISTS audit_events_stream ON audit_events (stream, correlation_id, position, recorded_at);
CREATE INDEX IF NOT EXISTS audit_events_correlation ON audit_events (correlation_id, stream, revision, position, recorded_at);
CREATE INDEX IF NOT EXISTS audit_events_causation ON audit_events (causation_id);
CREATE TABLE IF NOT EXISTS audit_commands (
  command_id  TEXT PRIMARY KEY,
  recorded_by TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_links (
  from_correlation TEXT    NOT NULL,
  to_correlation   TEXT    NOT NULL,
  position         INTEGER NOT NULL,
  recorded_at      TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_links_from ON audit_links (from_correlation);
CREATE INDEX IF NOT EXISTS audit_links_to ON audit_links (to_correlation);
`;

export const CASE_INDEX_TABLES = ['audit_events', 'audit_commands', 'audit_links'] as const;
