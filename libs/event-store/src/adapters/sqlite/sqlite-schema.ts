import Database from 'better-sqlite3';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

/** WAL pages after which a commit checkpoints them into the database file (SQLite's default: 1000). */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** What a WAL file is cut back to after a checkpoint, if it ever grew larger (bytes). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Pragmas every connection to a Bihuan file uses (the store, the bench's raw reference, and other
 * adapters sharing the file). WAL lets readers run beside the one writer; `synchronous=FULL`
 * fsyncs the WAL on every commit, so an acknowledged append survives power loss.
 *
 * Checkpoints every 10,000 WAL pages (~40 MB) instead of 1,000: a checkpoint is paid by the commit
 * that crosses the mark (it copies every distinct page to the database file and fsyncs it), and
 * the pages an append dirties — the newest leaf of each busy stream's index, the log's right edge —
 * are the same commit after commit, so a longer interval copies each of them once instead of ten
 * times. Measured: 64-append batches +13% (npm run bench -- store). The cost is a WAL file of up
 * to ~40 MB (kept, not regrown; cut back to 64 MB should a long reader ever let it grow past that)
 * and a longer recovery read after a crash.
 */
export function applyPragmas(db: Database.Database, synchronous: SqliteSynchronous = 'FULL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // A filtered readAll builds a temporary table from its json_each list: in memory, not a file per run.
  db.pragma('temp_store = MEMORY');
}

/**
 * `events.position` is the global order: INTEGER PRIMARY KEY AUTOINCREMENT never reuses a value,
 * even after the newest row is deleted, so a tampered tail cannot be silently re-filled. Positions
 * are also gapless (1, 2, 3 …): a failed INSERT, a rolled-back savepoint or transaction rolls
 * `sqlite_sequence` back with it, and the store never deletes. Whole-log verify relies on that: a
 * gap, or a last position below `sqlite_sequence.seq`, means an event was deleted.
 *
 * There is no head table: a stream's head is its newest row in `(stream, revision)` (appends keep
 * it in a per-connection cache). Files made by older versions still carry a `streams` table: it is
 * left in place, unread and unwritten (dropping it would break an older process still holding
 * statements prepared against it; mixing versions on one file is not supported either way).
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
`;

export function createSchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
}
