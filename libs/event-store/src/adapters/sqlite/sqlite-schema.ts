import Database from 'better-sqlite3';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

/**
 * Pragmas every connection to a Bihuan file uses (the store, the bench's raw reference, and other
 * adapters sharing the file). WAL lets readers run beside the one writer; `synchronous=FULL`
 * fsyncs the WAL on every commit, so an acknowledged append survives power loss.
 */
export function applyPragmas(db: Database.Database, synchronous: SqliteSynchronous = 'FULL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
}

/**
 * `events.position` is the global order: INTEGER PRIMARY KEY AUTOINCREMENT never reuses a value,
 * even after the newest row is deleted, so a tampered tail cannot be silently re-filled.
 * `streams` is the head table (last revision and hash per stream): appends read it instead of
 * scanning events, and `verify` compares it with the chain to catch a deleted tail.
 *
 * Every index serves a read path: `(stream, revision)` readStream (also as of a position or a
 * time: those filter the stream's own rows), `event_id` idempotency, `(category, position)` and
 * `(type, position)` filtered readAll. There is deliberately no index on `recorded_at`: no query
 * uses one, and it cost a page write per commit. Files made before that carry
 * `events_recorded_at`; opening them drops it (idempotent; an older process re-creating it is
 * harmless).
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  category    TEXT    NOT NULL,
  event_id    TEXT    NOT NULL UNIQUE,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE INDEX IF NOT EXISTS events_category ON events (category, position);
CREATE INDEX IF NOT EXISTS events_type ON events (type, position);
DROP INDEX IF EXISTS events_recorded_at;
CREATE TABLE IF NOT EXISTS streams (
  name     TEXT    PRIMARY KEY,
  revision INTEGER NOT NULL,
  hash     TEXT    NOT NULL
) WITHOUT ROWID;
`;

export function createSchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
}
