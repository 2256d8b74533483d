import { EventMetadata, WriteMetadata } from '@bihuan/core';

/**
 * Revision of the last event the writer has seen in a stream (0-based), or a looser expectation:
 * `no_stream` (must not exist yet), `stream_exists` (must have ≥ 1 event), `any` (no check).
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventToAppend {
  readonly type: string;
  readonly data: object;
  readonly metadata: WriteMetadata;
}

/** An event as the log holds it. `position` is its place in the global order (strictly increasing). */
export interface RecordedEvent<Data extends object = object> {
  readonly streamName: string;
  /** 0-based index of the event within its stream. */
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /**
   * Set when an upcaster changed the event on read (`Upcasters`): its data and schemaVersion as
   * stored, which is what the SM3 hash covers (`hashEvent` uses them).
   */
  readonly stored?: StoredForm;
}

/** An upcast event's data and schema version as the log holds them. */
export interface StoredForm {
  readonly data: object;
  readonly schemaVersion: number;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: what to expect next time. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  readonly position: number;
  /** False when every event was already in the stream (idempotent replay of the same eventIds). */
  readonly written: boolean;
  /**
   * The events this append wrote, exactly as `readStream` hands them out afterwards (position,
   * sealed metadata with recordedAt/prevHash/hash, upcast like any read): a writer needs no read-back.
   * [] when `written` is false.
   */
  readonly events: readonly RecordedEvent[];
}

/** A past instant: the log as it stood when it held `position`, or at `recordedAt` (ISO-8601). */
export type AsOf = { readonly position: number } | { readonly recordedAt: string };

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; the stream's end when reading backwards without it. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  readonly asOf?: AsOf;
}

export interface EventFilter {
  /** Stream categories (text before the first dash of the stream name). */
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted or null: from the beginning. */
  readonly fromPosition?: number | null;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Checkpoint: the position of the last event already handled (exclusive), null for the start. */
  readonly fromPosition?: number | null;
  readonly filter?: EventFilter;
  /** Called once if the handler throws or the store fails; the subscription is then stopped. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once no handler call is running and none will start. */
  stop(): Promise<void>;
  /** Resolves when the subscription has delivered every event up to `position` (inclusive). */
  caughtUpTo(position: number): Promise<void>;
  /**
   * The position up to which the log has been looked at and every matching event handled
   * (including events the filter dropped; null: nothing yet): what "behind head by N" compares.
   */
  scannedPosition(): number | null;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

/** Handles consecutive matching events, in position order, as one unit (e.g. one transaction). */
export type EventBatchHandler = (events: readonly RecordedEvent[]) => Promise<void> | void;

/**
 * A handler that takes events in batches. A plain EventHandler is the same thing with batches of
 * one (`asBatchDelivery`), so adapters have a single delivery path.
 */
export interface BatchDelivery {
  readonly batch: EventBatchHandler;
  /** Most events per call (default 500). */
  readonly maxEvents?: number;
  /**
   * Target time per call (ms, default 50): when a batch takes longer, the next ones get smaller,
   * so one call never holds the event loop for long.
   */
  readonly maxBatchMs?: number;
}

export const DEFAULT_BATCH_EVENTS = 500;
export const DEFAULT_BATCH_MS = 50;

/** The one delivery path: an EventHandler becomes a BatchDelivery of one event per call. */
export function asBatchDelivery(handler: EventHandler | BatchDelivery): Required<BatchDelivery> {
  if (typeof handler === 'function') return { batch: (events) => handler(events[0]!), maxEvents: 1, maxBatchMs: DEFAULT_BATCH_MS };
  return {
    batch: handler.batch,
    maxEvents: Math.max(1, handler.maxEvents ?? DEFAULT_BATCH_EVENTS),
    maxBatchMs: handler.maxBatchMs ?? DEFAULT_BATCH_MS,
  };
}

/**
 * The log. Every adapter (sqlite, memory, esdb, postgres) passes one contract suite
 * (`@bihuan/testing` eventStoreContract), and guarantees what `docs/event-store.md` states:
 * appends to one stream are atomic and ordered; events get strictly increasing global positions
 * in commit order; an append whose eventIds the stream already holds is not written twice; a
 * subscription delivers every matching event once, in position order, with no gaps.
 * Each stream is SM3 hash-chained: the adapter stamps recordedAt, prevHash and hash.
 */
export interface EventStore {
  readonly kind: 'sqlite' | 'memory' | 'esdb' | 'postgres';
  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; [] when it does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The revision at which `stream` holds the event with this eventId, or null when it holds none
   * (an event of that id in another stream is not looked at). How a command recognises its own
   * redelivery without reading the stream: sqlite and memory look the id up in their eventId index.
   */
  eventRevision(stream: string, eventId: string): Promise<number | null>;
  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the newest event in the log, or null when it is empty. */
  headPosition(): Promise<number | null>;
  /** Delivers events one by one (EventHandler) or in batches (BatchDelivery), each call awaited. */
  subscribeToAll(handler: EventHandler | BatchDelivery, options?: SubscribeOptions): Subscription;
  /** Throws when the store cannot be reached (used by /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
