import { AsOf } from '@bihuan/event-store';
import { CaseIndex, IndexBound, IndexedEvent } from './case-index.port';

/**
 * `maxRecordedAt` when no instant bounds the recorded time: above every ISO-8601 string in code
 * point order. SQL adapters leave the condition out for it rather than compare against it, since
 * a PostgreSQL collation other than C need not sort it last.
 */
export const NO_RECORDED_AT_BOUND = '\uffff';

/** The index bound for an instant (none: everything). */
export function boundOf(asOf?: AsOf): IndexBound {
  return {
    maxPosition: asOf && 'position' in asOf ? asOf.position : Number.MAX_SAFE_INTEGER,
    maxRecordedAt: asOf && 'recordedAt' in asOf ? asOf.recordedAt : NO_RECORDED_AT_BOUND,
  };
}

/** True when the event was in the log at the instant (no instant: always). */
export function within(e: { position: number; recordedAt: string }, asOf?: AsOf): boolean {
  const b = boundOf(asOf);
  return e.position <= b.maxPosition && e.recordedAt <= b.maxRecordedAt;
}

/**
 * The recorded cause of each of `eventIds` (resolved by the index when the event was handled:
 * an event id, or a command id traced to the saga record / deadline event that sent it).
 * Events caused by commands nobody recorded (HTTP requests) have none: absent from the map.
 */
export async function resolveCauses(index: CaseIndex, eventIds: readonly string[]): Promise<Map<string, IndexedEvent>> {
  const events = await index.eventsByIds(eventIds);
  const causeIds = [...new Set(events.flatMap((e) => (e.causeEventId ? [e.causeEventId] : [])))];
  const causes = new Map((await index.eventsByIds(causeIds)).map((e) => [e.eventId, e]));
  const out = new Map<string, IndexedEvent>();
  for (const e of events) {
    const cause = e.causeEventId ? causes.get(e.causeEventId) : undefined;
    if (cause) out.set(e.eventId, cause);
  }
  return out;
}

/** One stream of a case: the prefix (revision 0 … lastRevision) the case reaches into. */
export interface CaseStreamSpan {
  readonly stream: string;
  readonly lastRevision: number;
  readonly lastPosition: number;
  /** How many of its events belong to the case (the rest are context: same stream, other cases). */
  readonly linkedEvents: number;
}

export interface LinkedCase {
  readonly root: string;
  /** Root first, then by the position of each stream's first case event. */
  readonly streams: readonly CaseStreamSpan[];
  /** The correlations that make up the case: an event belongs to the case when its correlation is here. */
  readonly correlations: ReadonlySet<string>;
}

/**
 * The case around a root stream. It starts from the correlations of the root stream's events and
 * adds every correlation reachable through causal edges that cross correlations (a saga that
 * starts a new correlation, a command issued in answer to another case's event), in both
 * directions, until nothing new appears — i.e. the event-level closure "cause, effects and
 * correlation-mates of every event" computed a whole correlation at a time. A shared stream (an
 * institution's credit archive fed by many complaints) contributes only this case's events; its
 * other events stay context and their cases are not followed. With `asOf`, events and links
 * recorded after the instant do not count.
 */
export async function linkCase(index: CaseIndex, root: string, asOf?: AsOf): Promise<LinkedCase> {
  const bound = boundOf(asOf);
  const correlations = new Set(await index.correlationsOfStream(root, bound));
  for (let frontier = [...correlations]; frontier.length > 0;) {
    frontier = (await index.neighbourCorrelations(frontier, bound)).filter((c) => !correlations.has(c));
    frontier.forEach((c) => correlations.add(c));
  }
  const shares = await index.streamShares([...correlations], bound);
  const streams = shares
    .sort((a, b) => (a.stream === root ? -1 : b.stream === root ? 1 : a.firstPosition - b.firstPosition))
    .map((s) => ({ stream: s.stream, lastRevision: s.lastRevision, lastPosition: s.lastPosition, linkedEvents: s.events }));
  return { root, streams, correlations };
}
