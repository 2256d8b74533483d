import { categoryOf } from '@bihuan/core';
import { Kysely } from 'kysely';
import { reusableQuery, SqlDatabase } from '@bihuan/database';
import { TableProjection } from '@bihuan/processing';

export const STREAM_STATS = 'stream-stats';

/** One row of the `stream_stats` read model. */
export interface CategoryStats {
  readonly category: string;
  readonly streams: number;
  readonly events: number;
  readonly lastPosition: number;
  readonly lastRecordedAt: string;
}

/** The `stream_stats` table (platform migrations). */
export type StreamStatsTables = {
  stream_stats: {
    category: string;
    streams: number;
    events: number;
    last_position: number;
    last_recorded_at: string;
  };
};

/**
 * Events and streams per category, with the last position seen: the worker's first read model,
 * and a cheap answer to "is the worker keeping up with the log?" (compare with headPosition).
 * Rows and checkpoint are written in one transaction (TableProjection), one upsert per event.
 */
export function streamStatsProjection(database: SqlDatabase): TableProjection<StreamStatsTables> {
  return new TableProjection<StreamStatsTables>(database, {
    name: STREAM_STATS,
    tables: ['stream_stats'],
    apply: async (event, db) => {
      await countEvent(db, categoryOf(event.streamName), event.revision === 0 ? 1 : 0, event.position, event.metadata.recordedAt);
    },
  });
}

/** One upsert per event of the whole log, built once (reusableQuery). */
const countEvent = reusableQuery(
  (db: Kysely<StreamStatsTables>, category: string, newStream: number, position: number, recordedAt: string) =>
    db
      .insertInto('stream_stats')
      .values({ category, streams: newStream, events: 1, last_position: position, last_recorded_at: recordedAt })
      .onConflict((oc) =>
        oc.column('category').doUpdateSet((eb) => ({
          streams: eb('stream_stats.streams', '+', newStream),
          events: eb('stream_stats.events', '+', 1),
          last_position: eb.ref('excluded.last_position'),
          last_recorded_at: eb.ref('excluded.last_recorded_at'),
        })),
      ),
);

/** The read model, by category (for `GET /admin/projections` and tests). */
export async function readStreamStats(database: SqlDatabase): Promise<CategoryStats[]> {
  const rows = await database.db.withTables<StreamStatsTables>().selectFrom('stream_stats').selectAll().orderBy('category').execute();
  return rows
    .map((r) => ({
      category: r.category,
      streams: r.streams,
      events: r.events,
      lastPosition: r.last_position,
      lastRecordedAt: r.last_recorded_at,
    }))
    .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
