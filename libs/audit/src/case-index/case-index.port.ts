import { RecordedEvent } from '@bihuan/event-store';

/** What the case index keeps of one event: where it is and what links it to others. */
export interface IndexedEvent {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly correlationId: string;
  /** An event id, or the id of the command that produced the event (handleCommand). */
  readonly causationId: string | null;
  /** The recorded event that caused it (causationId resolved through recorded commands), if any. */
  readonly causeEventId: string | null;
  readonly recordedAt: string;
}

/**
 * A command someone recorded before it was sent: a saga's `OutputRecorded` (send, or a timer's
 * wake-up command), or a deadline event whose wake-up commands have deterministic ids. Events
 * written by that command carry its id as causationId, so this record is how they find their cause.
 */
export interface CommandRecord {
  readonly commandId: string;
  /** eventId of the event that recorded (or implies) the command. */
  readonly recordedBy: string;
}

/** Only what was in the log at an instant counts (no limit: MAX values, see `boundOf`). */
export interface IndexBound {
  readonly maxPosition: number;
  readonly maxRecordedAt: string;
}

/** One stream's share of a set of correlations. */
export interface StreamShare {
  readonly stream: string;
  readonly lastRevision: number;
  readonly lastPosition: number;
  readonly firstPosition: number;
  readonly events: number;
}

/**
 * The case index: a disposable projection (rebuildable from the log). It resolves each event's
 * cause when it is handled (a cause is always in the log before its effect: sagas record a
 * command before sending it, deadline events precede their timers' wake-ups), and keeps the
 * causal edges that cross from one correlation to another. A case is then a set of correlations
 * closed under those edges, found with a few set-based queries whatever the case's size.
 * `handle` is idempotent by position, so a redelivery after a crash changes nothing. Async: the
 * SQL adapter answers through Kysely on SQLite or PostgreSQL.
 */
export interface CaseIndex {
  readonly name: string;
  handle(event: RecordedEvent): Promise<void>;
  reset(): Promise<void>;
  /** Position of the last event handled, null before the first. */
  checkpoint(): Promise<number | null>;
  /** Distinct correlation ids of a stream's events. */
  correlationsOfStream(stream: string, bound: IndexBound): Promise<string[]>;
  /** Correlations one cross-correlation causal edge away from any of `correlations`, either direction. */
  neighbourCorrelations(correlations: readonly string[], bound: IndexBound): Promise<string[]>;
  /** Per stream: how far the events of these correlations reach. */
  streamShares(correlations: readonly string[], bound: IndexBound): Promise<StreamShare[]>;
  eventsByIds(eventIds: readonly string[]): Promise<IndexedEvent[]>;
  /** Streams holding at least one event of the correlation. */
  streamsByCorrelation(correlationId: string): Promise<string[]>;
}
