import Database from 'better-sqlite3';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
import { CaseIndex, IndexBound, IndexedEvent, StreamShare } from './case-index.port';
import { commandsRecorded, toIndexed } from './indexed-event';
import { CASE_INDEX_SCHEMA, CASE_INDEX_TABLES } from './sqlite-case-index.schema';

interface Row {
  event_id: string;
  stream: string;
  revision: number;
  position: number;
  type: string;
  correlation_id: string;
  causation_id: string | null;
  cause_event_id: string | null;
  recorded_at: string;
}

const COLS = 'event_id, stream, revision, position, type, correlation_id, causation_id, cause_event_id, recorded_at';
const IN = 'IN (SELECT value FROM json_each(?))';
const BOUND = 'position <= ? AND recorded_at <= ?';

function fromRow(r: Row): IndexedEvent {
  return {
    eventId: r.event_id,
    stream: r.stream,
    revision: r.revision,
    position: r.position,
    type: r.type,
    correlationId: r.correlation_id,
    causationId: r.causation_id,
    causeEventId: r.cause_event_id,
    recordedAt: r.recorded_at,
  };
}

/**
 * The case index in SQLite tables of a Database the caller holds (usually the event store's own
 * file: `store.database`). Rows and checkpoint are written in one transaction (SqliteProjection),
 * so after a crash they agree. Set queries pass their keys as one JSON array (`json_each`).
 */
export class SqliteCaseIndex implements CaseIndex {
  readonly name = 'audit.caseIndex';
  private readonly projection: SqliteProjection;
  private readonly s: Record<
    'cause' | 'command' | 'ids' | 'streamCorr' | 'neighbours' | 'shares' | 'corrStreams',
    Database.Statement<unknown[], unknown>
  >;

  constructor(db: Database.Database) {
    db.exec(CASE_INDEX_SCHEMA);
    const insertEvent = db.prepare(`INSERT OR IGNORE INTO audit_events (${COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertCommand = db.prepare('INSERT OR IGNORE INTO audit_commands (command_id, recorded_by) VALUES (?, ?)');
    const insertLink = db.prepare('INSERT INTO audit_links (from_correlation, to_correlation, position, recorded_at) VALUES (?, ?, ?, ?)');
    this.s = {
      cause: db.prepare('SELECT event_id, correlation_id FROM audit_events WHERE event_id = ?'),
      command: db.prepare(
        'SELECT e.event_id, e.correlation_id FROM audit_commands c JOIN audit_events e ON e.event_id = c.recorded_by WHERE c.command_id = ?',
      ),
      ids: db.prepare(`SELECT ${COLS} FROM audit_events WHERE event_id ${IN}`),
      streamCorr: db.prepare(`SELECT DISTINCT correlation_id AS c FROM audit_events WHERE stream = ? AND ${BOUND}`),
      neighbours: db.prepare(
        `SELECT to_correlation AS c FROM audit_links WHERE from_correlation ${IN} AND ${BOUND}
         UNION SELECT from_correlation AS c FROM audit_links WHERE to_correlation ${IN} AND ${BOUND}`,
      ),
      shares: db.prepare(
        `SELECT stream, MAX(revision) AS lastRevision, MAX(position) AS lastPosition, MIN(position) AS firstPosition, COUNT(*) AS events
         FROM audit_events WHERE correlation_id ${IN} AND ${BOUND} GROUP BY stream`,
      ),
      corrStreams: db.prepare('SELECT DISTINCT stream FROM audit_events WHERE correlation_id = ?'),
    };
    this.projection = new SqliteProjection({
      name: this.name,
      db,
      apply: (event) => {
        const c = event.metadata.causationId;
        const cause = (c ? (this.s.cause.get(c) ?? this.s.command.get(c)) : undefined) as
          { event_id: string; correlation_id: string } | undefined;
        const e = toIndexed(event, cause?.event_id ?? null);
        insertEvent.run(e.eventId, e.stream, e.revision, e.position, e.type, e.correlationId, e.causationId, e.causeEventId, e.recordedAt);
        if (cause && cause.correlation_id !== e.correlationId)
          insertLink.run(cause.correlation_id, e.correlationId, e.position, e.recordedAt);
        for (const r of commandsRecorded(event)) insertCommand.run(r.commandId, r.recordedBy);
      },
      tables: CASE_INDEX_TABLES,
    });
  }

  /** The checkpoint lives with the rows (a ProjectionRunner then only loads it, never saves). */
  get checkpoints(): SqliteProjection['checkpoints'] {
    return this.projection.checkpoints;
  }

  /** Its tables, so `rebuild audit.caseIndex` can build them aside and swap them in. */
  get sqlite(): SqliteProjection['sqlite'] {
    return this.projection.sqlite;
  }

  handle(event: RecordedEvent): void {
    this.projection.handle(event);
  }

  /** Applies many events in one transaction with one checkpoint write (a rebuild or catch-up loop). */
  handleBatch(events: readonly RecordedEvent[]): void {
    this.projection.handleBatch(events);
  }

  reset(): void {
    this.projection.reset();
  }

  checkpoint(): number | null {
    return this.projection.checkpoints.loadSync(this.name);
  }

  correlationsOfStream(stream: string, b: IndexBound): string[] {
    return (this.s.streamCorr.all(stream, b.maxPosition, b.maxRecordedAt) as { c: string }[]).map((r) => r.c);
  }

  neighbourCorrelations(correlations: readonly string[], b: IndexBound): string[] {
    if (correlations.length === 0) return [];
    const keys = JSON.stringify(correlations);
    return (this.s.neighbours.all(keys, b.maxPosition, b.maxRecordedAt, keys, b.maxPosition, b.maxRecordedAt) as { c: string }[]).map(
      (r) => r.c,
    );
  }

  streamShares(correlations: readonly string[], b: IndexBound): StreamShare[] {
    if (correlations.length === 0) return [];
    return this.s.shares.all(JSON.stringify(correlations), b.maxPosition, b.maxRecordedAt) as StreamShare[];
  }

  eventsByIds(eventIds: readonly string[]): IndexedEvent[] {
    return eventIds.length === 0 ? [] : (this.s.ids.all(JSON.stringify(eventIds)) as Row[]).map(fromRow);
  }

  streamsByCorrelation(correlationId: string): string[] {
    return (this.s.corrStreams.all(correlationId) as { stream: string }[]).map((r) => r.stream);
  }
}
