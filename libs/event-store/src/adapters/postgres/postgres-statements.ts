import { escapeLiteral } from 'pg';
import { EventMetadata } from '@bihuan/core';
import { RecordedEvent } from '../../event-store.port';
import type { BatchRows } from './postgres-batch-plan';
import { EVENTLOG_SCHEMA } from './postgres-schema';

const EVENTS = `${EVENTLOG_SCHEMA}.events`;
const COLUMNS = 'position, stream, revision, type, data, metadata';

/**
 * Only events whose transaction is older than every transaction still in flight: those can no
 * longer be joined by an event with a lower position (see postgres-group-commit.ts for why), so
 * what passes is always a prefix of the global order. The snapshot is the statement's own.
 */
export const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/** A row as pg gives it: int8 as a string, json already parsed. */
export interface PgEventRow {
  position: string;
  stream: string;
  revision: number;
  type: string;
  data: object;
  metadata: EventMetadata;
}

/** Every SQL text the store runs against `eventlog.events` (parameters in comments). */
export const SQL = {
  /** $1 stream, $2 from revision, $3 max position|null, $4 max recordedAt|null, $5 limit|null */
  streamForwards: `SELECT ${COLUMNS} FROM ${EVENTS} WHERE stream = $1 AND revision >= $2 AND ($3::bigint IS NULL OR position <= $3) AND ($4::text IS NULL OR recorded_at <= $4) ORDER BY revision LIMIT $5`,
  streamBackwards: `SELECT ${COLUMNS} FROM ${EVENTS} WHERE stream = $1 AND revision <= $2 AND ($3::bigint IS NULL OR position <= $3) AND ($4::text IS NULL OR recorded_at <= $4) ORDER BY revision DESC LIMIT $5`,
  /** $1 from position (exclusive), $2 categories|null, $3 types|null, $4 limit|null */
  readAll: `SELECT ${COLUMNS} FROM ${EVENTS} WHERE position > $1 AND ${VISIBLE} AND ($2::text[] IS NULL OR category = ANY($2)) AND ($3::text[] IS NULL OR type = ANY($3)) ORDER BY position LIMIT $4`,
  headPosition: `SELECT max(position) AS position FROM ${EVENTS} WHERE ${VISIBLE}`,
  /** $1 eventId, $2 stream */
  eventRevision: `SELECT revision FROM ${EVENTS} WHERE event_id = $1 AND stream = $2`,
  streamHeads: `SELECT DISTINCT ON (stream) stream, revision, metadata->>'hash' AS hash FROM ${EVENTS} WHERE ${VISIBLE} ORDER BY stream, revision DESC`,
  /** The newest position handed out and committed, visible or not (an empty append's answer). */
  lastPosition: `SELECT max(position) AS position FROM ${EVENTS}`,
  /** $1 xid8 as text: has every transaction older than it ended, i.e. do readers see its events? */
  visible: 'SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS visible',
} as const;

/**
 * What a batch needs before it writes, as one statement with its values inlined (so it can share a
 * round trip with BEGIN and the append lock, which the extended protocol cannot): the head of each
 * stream it appends to ('h': newest revision and hash) and every eventId it carries that the log
 * already holds ('i').
 */
export function batchStateSql(streams: readonly string[], eventIds: readonly string[]): string {
  const array = (values: readonly string[]) => `ARRAY[${values.map(escapeLiteral).join(',')}]::text[]`;
  return `SELECT 'h' AS kind, s.stream, h.revision, h.hash AS value, NULL::bigint AS position
    FROM unnest(${array(streams)}) AS s(stream)
    CROSS JOIN LATERAL (SELECT revision, metadata->>'hash' AS hash FROM ${EVENTS} e WHERE e.stream = s.stream ORDER BY revision DESC LIMIT 1) h
    UNION ALL
    SELECT 'i', stream, revision, event_id, position FROM ${EVENTS} WHERE event_id = ANY(${array(eventIds)})`;
}

/**
 * All rows of a batch in one INSERT, values inlined so that it shares the COMMIT's round trip; rows
 * get their positions in the order given. Text goes through pg's `escapeLiteral`.
 */
export function insertSql(rows: BatchRows, recordedAt: string): string {
  const at = escapeLiteral(recordedAt);
  const values = rows.stream.map(
    (stream, i) =>
      `(${escapeLiteral(stream)},${Math.trunc(rows.revision[i]!)},${escapeLiteral(rows.category[i]!)},${escapeLiteral(rows.eventId[i]!)},` +
      `${escapeLiteral(rows.type[i]!)},${escapeLiteral(rows.data[i]!)}::json,${escapeLiteral(rows.metadata[i]!)}::json,${at})`,
  );
  return `INSERT INTO ${EVENTS} (stream, revision, category, event_id, type, data, metadata, recorded_at) VALUES ${values.join(',')} RETURNING position, event_id`;
}

/** The visibility check of `SQL.visible` with the xid inlined, to follow COMMIT in the same round trip. */
export function visibleSql(xid: string): string {
  if (!/^\d+$/.test(xid)) throw new Error(`Not a transaction id: ${xid}`);
  return `SELECT pg_snapshot_xmin(pg_current_snapshot()) > '${xid}'::xid8 AS visible`;
}

/** int8 as a JS number; refuses one that a double cannot hold exactly (2^53 events is far away). */
export function toPosition(value: string | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Position ${value} is beyond Number.MAX_SAFE_INTEGER`);
  return n;
}

export function toRecordedFromPg(row: PgEventRow): RecordedEvent {
  return {
    streamName: row.stream,
    revision: row.revision,
    position: toPosition(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}
