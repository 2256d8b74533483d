import Database from 'better-sqlite3';
import { EventMetadata } from '@bihuan/core';
import { boundLimit } from '@bihuan/database';
import { EventFilter, RecordedEvent } from '../../event-store.port';

export interface EventRow {
  position: number;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

export interface HeadRow {
  revision: number;
  hash: string;
}

/** A stream's newest row: its hash is read out of the stored metadata JSON. */
export interface LastEventRow {
  revision: number;
  metadata: string;
}

/** Where the log's positions stop running 1, 2, 3 … (see `SqliteStatements.firstGap`). */
export interface GapRow {
  position: number;
  previous: number;
}

export interface EventIdRow {
  stream: string;
  position: number;
}

const COLUMNS = 'position, stream, revision, type, data, metadata';
/** Upper bounds used when an optional filter is absent, so one statement serves both cases. */
export const NO_LIMIT = -1;
export const MAX_POSITION = Number.MAX_SAFE_INTEGER;
export const MAX_RECORDED_AT = '\uffff';

/**
 * Every statement the store runs, prepared once per connection: preparing is far more expensive
 * than running.
 */
export class SqliteStatements {
  readonly selectHead: Database.Statement<[string], LastEventRow>;
  readonly insertEvent: Database.Statement<[string, number, string, string, string, string, string, string]>;
  readonly selectEventId: Database.Statement<[string], EventIdRow>;
  /** The revision of an eventId within one stream (the event_id index, then one row). */
  readonly eventRevision: Database.Statement<[string, string], number>;
  readonly streamForwards: Database.Statement<[string, number, number, string, number], EventRow>;
  readonly streamBackwards: Database.Statement<[string, number, number, string, number], EventRow>;
  readonly headPosition: Database.Statement<[], { position: number | null }>;
  readonly streamHeads: Database.Statement<[], { name: string; revision: number; metadata: string }>;
  /** The first event whose position is not its predecessor's + 1 (the first one's predecessor is 0). */
  readonly firstGap: Database.Statement<[], GapRow>;
  /** The highest position ever assigned (deleted rows included), or undefined for a never-written log. */
  readonly lastAssigned: Database.Statement<[], number>;
  /** Changes when another connection commits (see HeadCache). */
  readonly dataVersion: Database.Statement<[], number>;
  private readonly all: Record<'none' | 'cat' | 'type' | 'both', Database.Statement<unknown[], EventRow>>;

  constructor(db: Database.Database) {
    this.selectHead = db.prepare('SELECT revision, metadata FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.insertEvent = db.prepare(
      'INSERT INTO events (stream, revision, category, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectEventId = db.prepare('SELECT stream, position FROM events WHERE event_id = ?');
    this.eventRevision = db.prepare<[string, string], number>('SELECT revision FROM events WHERE event_id = ? AND stream = ?').pluck();
    const asOf = 'position <= ? AND recorded_at <= ?';
    this.streamForwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? AND ${asOf} ORDER BY revision LIMIT ${boundLimit()}`,
    );
    this.streamBackwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? AND ${asOf} ORDER BY revision DESC LIMIT ${boundLimit()}`,
    );
    this.headPosition = db.prepare('SELECT MAX(position) AS position FROM events');
    // A bare column next to MAX() comes from the row holding the maximum (documented SQLite behaviour).
    this.streamHeads = db.prepare('SELECT stream AS name, MAX(revision) AS revision, metadata FROM events GROUP BY stream');
    this.firstGap = db.prepare(
      'SELECT position, previous FROM (SELECT position, LAG(position, 1, 0) OVER (ORDER BY position) AS previous FROM events) WHERE position <> previous + 1 LIMIT 1',
    );
    this.lastAssigned = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck();
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    const cat = 'category IN (SELECT value FROM json_each(?))';
    const type = 'type IN (SELECT value FROM json_each(?))';
    const all = (where: string) =>
      db.prepare<unknown[], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ${where} ORDER BY position LIMIT ${boundLimit()}`);
    this.all = {
      none: all(''),
      cat: all(`AND ${cat}`),
      type: all(`AND ${type}`),
      both: all(`AND ${cat} AND ${type}`),
    };
  }

  readAll(from: number, limit: number, filter: EventFilter | undefined): EventRow[] {
    const cats = filter?.categories;
    const types = filter?.eventTypes;
    if (cats && types) return this.all.both.all(from, JSON.stringify(cats), JSON.stringify(types), limit);
    if (cats) return this.all.cat.all(from, JSON.stringify(cats), limit);
    if (types) return this.all.type.all(from, JSON.stringify(types), limit);
    return this.all.none.all(from, limit);
  }
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as object,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}
