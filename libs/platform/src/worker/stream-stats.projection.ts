import type Database from 'better-sqlite3';
import { categoryOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';

export const STREAM_STATS = 'stream-stats';

/** One row of the `stream_stats` read model. */
export interface CategoryStats {
  readonly category: string;
  readonly streams: number;
  readonly events: number;
  readonly lastPosition: number;
  readonly lastRecordedAt: string;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS stream_stats (
  category         TEXT PRIMARY KEY,
  streams          INTEGER NOT NULL,
  events           INTEGER NOT NULL,
  last_position    INTEGER NOT NULL,
  last_recorded_at TEXT    NOT NULL
)`;

const UPSERT = `INSERT INTO stream_stats (category, streams, events, last_position, last_recorded_at)
VALUES (@category, @newStream, 1, @position, @recordedAt)
ON CONFLICT(category) DO UPDATE SET
  streams = streams + excluded.streams,
  events = events + 1,
  last_position = excluded.last_position,
  last_recorded_at = excluded.last_recorded_at`;

/**
 * Events and streams per category, with the last position seen: the worker's first read model,
 * and a cheap answer to "is the worker keeping up with the log?" (compare with headPosition).
 * Rows and checkpoint are written in one SQLite transaction (SqliteProjection).
 */
export function streamStatsProjection(db: Database.Database): SqliteProjection {
  db.exec(SCHEMA);
  const upsert = db.prepare(UPSERT);
  return new SqliteProjection({
    name: STREAM_STATS,
    db,
    tables: ['stream_stats'],
    apply: (event: RecordedEvent) => {
      upsert.run({
        category: categoryOf(event.streamName),
        newStream: event.revision === 0 ? 1 : 0,
        position: event.position,
        recordedAt: event.metadata.recordedAt,
      });
    },
  });
}

interface Row {
  category: string;
  streams: number;
  events: number;
  last_position: number;
  last_recorded_at: string;
}

/** The read model, by category (for `GET /admin/projections` and tests). */
export function readStreamStats(db: Database.Database): CategoryStats[] {
  db.exec(SCHEMA);
  const rows = db.prepare('SELECT * FROM stream_stats ORDER BY category').all() as Row[];
  return rows.map((r) => ({
    category: r.category,
    streams: r.streams,
    events: r.events,
    lastPosition: r.last_position,
    lastRecordedAt: r.last_recorded_at,
  }));
}
