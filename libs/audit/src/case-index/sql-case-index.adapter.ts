import { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { reusableQuery, SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { CaseIndex, IndexBound, IndexedEvent, StreamShare } from './case-index.port';
import { NO_RECORDED_AT_BOUND } from './case-links';
import { commandsRecorded, toIndexed } from './indexed-event';

/** The case index's tables (AUDIT_MIGRATIONS), as Kysely sees them. */
export type CaseIndexTables = {
  audit_events: {
    event_id: string;
    stream: string;
    revision: number;
    position: number;
    type: string;
    correlation_id: string;
    causation_id: string | null;
    cause_event_id: string | null;
    recorded_at: string;
  };
  audit_commands: { command_id: string; recorded_by: string };
  audit_links: { from_correlation: string; to_correlation: string; position: number; recorded_at: string };
};

export const CASE_INDEX_TABLES = ['audit_events', 'audit_commands', 'audit_links'] as const;

type Row = CaseIndexTables['audit_events'];

/** An `audit_events` row's values in column order (a reusable query takes its values one by one). */
type IndexedRow = [
  event_id: string,
  stream: string,
  revision: number,
  position: number,
  type: string,
  correlation_id: string,
  causation_id: string | null,
  cause_event_id: string | null,
  recorded_at: string,
];

/** Keys per `IN (…)`: well below both engines' limits on bound parameters, whatever a case's size. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Only rows in the log at the bound's instant; no recorded-time condition when there is no such bound. */
function bounded(eb: ExpressionBuilder<CaseIndexTables, 'audit_events' | 'audit_links'>, b: IndexBound): Expression<SqlBool> {
  const conditions = [eb('position', '<=', b.maxPosition)];
  if (b.maxRecordedAt !== NO_RECORDED_AT_BOUND) conditions.push(eb('recorded_at', '<=', b.maxRecordedAt));
  return eb.and(conditions);
}

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

// The statements below run for every event of the log: built once (reusableQuery).
const eventById = reusableQuery((db: Kysely<CaseIndexTables>, id: string) =>
  db.selectFrom('audit_events').select(['event_id', 'correlation_id']).where('event_id', '=', id),
);

const eventRecordingCommand = reusableQuery((db: Kysely<CaseIndexTables>, commandId: string) =>
  db
    .selectFrom('audit_commands as c')
    .innerJoin('audit_events as e', 'e.event_id', 'c.recorded_by')
    .select(['e.event_id', 'e.correlation_id'])
    .where('c.command_id', '=', commandId),
);

const insertIndexed = reusableQuery(
  (
    db: Kysely<CaseIndexTables>,
    ...[event_id, stream, revision, position, type, correlation_id, causation_id, cause_event_id, recorded_at]: IndexedRow
  ) =>
    db
      .insertInto('audit_events')
      .values({ event_id, stream, revision, position, type, correlation_id, causation_id, cause_event_id, recorded_at })
      .onConflict((oc) => oc.doNothing()),
);

const insertLink = reusableQuery((db: Kysely<CaseIndexTables>, from: string, to: string, position: number, recordedAt: string) =>
  db.insertInto('audit_links').values({ from_correlation: from, to_correlation: to, position, recorded_at: recordedAt }),
);

/** The event an event's causation id names: an event id, or a command id traced to the event that recorded it. */
async function causeOf(db: Kysely<CaseIndexTables>, id: string): Promise<{ event_id: string; correlation_id: string } | undefined> {
  const [byEvent] = await eventById(db, id);
  if (byEvent) return byEvent;
  const [byCommand] = await eventRecordingCommand(db, id);
  return byCommand;
}

/** Writes one event's rows through the batch's transaction (never another handle: TableProjection). */
async function indexEvent(event: RecordedEvent, db: Kysely<CaseIndexTables>): Promise<void> {
  const c = event.metadata.causationId;
  const cause = c ? await causeOf(db, c) : undefined;
  const e = toIndexed(event, cause?.event_id ?? null);
  await insertIndexed(
    db,
    e.eventId,
    e.stream,
    e.revision,
    e.position,
    e.type,
    e.correlationId,
    e.causationId,
    e.causeEventId,
    e.recordedAt,
  );
  if (cause && cause.correlation_id !== e.correlationId)
    await insertLink(db, cause.correlation_id, e.correlationId, e.position, e.recordedAt);
  const commands = commandsRecorded(event);
  if (commands.length > 0)
    await db
      .insertInto('audit_commands')
      .values(commands.map((r) => ({ command_id: r.commandId, recorded_by: r.recordedBy })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/**
 * The case index in tables of the read-model database (SQLite or PostgreSQL, AUDIT_MIGRATIONS).
 * `projection` keeps it: rows and checkpoint in one transaction (TableProjection), so after a
 * crash they agree; the worker runs it and `rebuild audit.caseIndex` builds it aside. Set queries
 * pass their keys as `IN (…)` lists in chunks.
 */
export class SqlCaseIndex implements CaseIndex {
  readonly name = 'audit.caseIndex';
  readonly projection: TableProjection<CaseIndexTables>;
  private readonly db: Kysely<CaseIndexTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<CaseIndexTables>();
    this.projection = new TableProjection<CaseIndexTables>(database, { name: this.name, tables: CASE_INDEX_TABLES, apply: indexEvent });
  }

  handle(event: RecordedEvent): Promise<void> {
    return this.projection.handle(event);
  }

  /** Applies many events in one transaction with one checkpoint write (a rebuild or catch-up loop). */
  handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    return this.projection.handleBatch(events);
  }

  reset(): Promise<void> {
    return this.projection.reset();
  }

  checkpoint(): Promise<number | null> {
    return this.projection.checkpoints.load(this.name);
  }

  async correlationsOfStream(stream: string, b: IndexBound): Promise<string[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select('correlation_id')
      .distinct()
      .where('stream', '=', stream)
      .where((eb) => bounded(eb, b))
      .execute();
    return rows.map((r) => r.correlation_id);
  }

  async neighbourCorrelations(correlations: readonly string[], b: IndexBound): Promise<string[]> {
    const found = new Set<string>();
    for (const keys of chunks(correlations)) {
      const rows = await this.db
        .selectFrom('audit_links')
        .select('to_correlation as c')
        .where('from_correlation', 'in', keys)
        .where((eb) => bounded(eb, b))
        .union(
          this.db
            .selectFrom('audit_links')
            .select('from_correlation as c')
            .where('to_correlation', 'in', keys)
            .where((eb) => bounded(eb, b)),
        )
        .execute();
      rows.forEach((r) => found.add(r.c));
    }
    return [...found];
  }

  async streamShares(correlations: readonly string[], b: IndexBound): Promise<StreamShare[]> {
    const shares = new Map<string, StreamShare>();
    for (const keys of chunks(correlations)) {
      const rows = await this.db
        .selectFrom('audit_events')
        .select((eb) => [
          'stream',
          eb.fn.max('revision').as('lastRevision'),
          eb.fn.max('position').as('lastPosition'),
          eb.fn.min('position').as('firstPosition'),
          eb.fn.countAll<number>().as('events'),
        ])
        .where('correlation_id', 'in', keys)
        .where((eb) => bounded(eb, b))
        .groupBy('stream')
        .execute();
      for (const r of rows) {
        const s = shares.get(r.stream);
        shares.set(
          r.stream,
          s
            ? {
                stream: r.stream,
                lastRevision: Math.max(s.lastRevision, r.lastRevision),
                lastPosition: Math.max(s.lastPosition, r.lastPosition),
                firstPosition: Math.min(s.firstPosition, r.firstPosition),
                events: s.events + r.events,
              }
            : { ...r },
        );
      }
    }
    return [...shares.values()];
  }

  async eventsByIds(eventIds: readonly string[]): Promise<IndexedEvent[]> {
    const out: IndexedEvent[] = [];
    for (const keys of chunks(eventIds)) {
      const rows = await this.db.selectFrom('audit_events').selectAll().where('event_id', 'in', keys).execute();
      out.push(...rows.map(fromRow));
    }
    return out;
  }

  async streamsByCorrelation(correlationId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('audit_events').select('stream').distinct().where('correlation_id', '=', correlationId).execute();
    return rows.map((r) => r.stream);
  }
}
