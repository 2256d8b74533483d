import type { ReadStreamOptions as EsdbReadStreamOptions } from '@eventstore/db-client';
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import { Clock } from '@bihuan/core';
import {
  AppendResult,
  asBatchDelivery,
  AsOf,
  BatchDelivery,
  EventFilter,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { EVENT_UPCASTERS } from '../../upcasting/event-upcasters';
import { Upcasters } from '../../upcasting/upcasters';
import { RecordedAtStamp } from '../append-rules';
import { appendToEsdb } from './esdb-append';
import { consumeRead, EsdbClient } from './esdb-client';
import { matchesFilter } from './esdb-filter';
import { fromResolvedEvent, positionOf, toEsdbEventId, toEsdbPosition, toSafeNumber } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

/** /health must answer promptly even when the cluster is unreachable. */
const PING_DEADLINE_MS = 5_000;

function isWithin(event: RecordedEvent, asOf: AsOf): boolean {
  return 'position' in asOf ? event.position <= asOf.position : Date.parse(event.metadata.recordedAt) <= Date.parse(asOf.recordedAt);
}

/**
 * The event store on an EventStoreDB cluster (production, many api/worker processes).
 * ESDB keeps the log, global order, concurrency checks and subscriptions; this adapter maps
 * revisions (bigint ↔ 0-based number), positions (commit position), metadata (our envelope as
 * ESDB metadata, plus `$correlationId`/`$causationId` for ESDB's projections) and errors, and
 * stamps the SM3 hash chain exactly as the embedded adapters do, so `verify` works on either.
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'esdb' as const;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly stamp: RecordedAtStamp;

  /**
   * Takes any client shaped like `EventStoreDBClient` (tests pass an in-memory double). `upcasters`
   * are applied to every event read or delivered (default: the project's EVENT_UPCASTERS).
   */
  constructor(
    private readonly client: EsdbClient,
    clock: Clock,
    private readonly upcasters: Upcasters = EVENT_UPCASTERS,
  ) {
    this.stamp = new RecordedAtStamp(() => clock.now());
  }

  /** Connects lazily (gRPC connects on first call): `esdb://host:2113?tls=false&nodePreference=leader`. */
  static connect(connectionString: string, clock: Clock): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), clock);
  }

  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return appendToEsdb(this.client, this.stamp, this.upcasters, stream, events, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    const asOf = options.asOf;
    const out: RecordedEvent[] = [];
    if (max <= 0) return out;
    const esdbOptions: EsdbReadStreamOptions = {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      // With asOf, newer events are skipped client-side, so the server cannot count for us.
      ...(asOf === undefined && Number.isFinite(max) ? { maxCount: max } : {}),
    };
    await consumeRead(this.client.readStream(stream, esdbOptions), (resolved) => {
      const event = fromResolvedEvent(resolved);
      if (!event) return true;
      if (asOf && !isWithin(event, asOf)) return backwards || !('position' in asOf);
      out.push(this.upcasters.upcast(event));
      return out.length < max;
    });
    return out;
  }

  /**
   * ESDB has no index by event id: the stream is read from its end (its own event ids, nothing
   * parsed), so a recent redelivery is found after a few events, but a new id costs a read of the
   * whole stream (docs/event-store.md).
   */
  async eventRevision(stream: string, eventId: string): Promise<number | null> {
    const wanted = toEsdbEventId(eventId);
    let revision = null as number | null;
    await consumeRead(this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END }), (resolved) => {
      if (resolved.event?.id !== wanted) return true;
      revision = toSafeNumber(resolved.event.revision, 'revision');
      return false;
    });
    return revision;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? null;
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    const out: RecordedEvent[] = [];
    if (max <= 0) return out;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: from === null ? START : toEsdbPosition(from),
    });
    await consumeRead(read, (resolved) => {
      const position = positionOf(resolved);
      if (position === null || (from !== null && position <= from)) return true;
      const event = fromResolvedEvent(resolved);
      if (event && matchesFilter(event, options.filter)) out.push(this.upcasters.upcast(event));
      return out.length < max;
    });
    return out;
  }

  /** The newest Bihuan event's position; ESDB's own system events are not counted. */
  async headPosition(): Promise<number | null> {
    let head = null as number | null;
    await consumeRead(this.client.readAll({ direction: BACKWARDS, fromPosition: END }), (resolved) => {
      const event = fromResolvedEvent(resolved);
      if (event) head = event.position;
      return event === null;
    });
    return head;
  }

  subscribeToAll(handler: EventHandler | BatchDelivery, options: SubscribeOptions = {}): Subscription {
    // ESDB pushes one event at a time over gRPC: a batch handler gets batches of one.
    const delivery = asBatchDelivery(handler);
    const subscription = new EsdbSubscription(
      this.client,
      (event) => delivery.batch([this.upcasters.upcast(event)]),
      options,
      (after, upTo) => this.lastMatching(after, upTo, options.filter),
    );
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
      caughtUpTo: (position) => subscription.caughtUpTo(position),
      scannedPosition: () => subscription.scannedPosition(),
    };
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PING_DEADLINE_MS });
    await consumeRead(read, () => false);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  /** Position of the last event in (after, upTo] that a subscription with this filter delivers. */
  private async lastMatching(after: number, upTo: number, filter: EventFilter | undefined): Promise<number | null> {
    let last = null as number | null;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: after < 0 ? START : toEsdbPosition(after) });
    await consumeRead(read, (resolved) => {
      const position = positionOf(resolved);
      if (position === null || position <= after) return true;
      if (position > upTo) return false;
      const event = fromResolvedEvent(resolved);
      if (event && matchesFilter(event, filter)) last = position;
      return true;
    });
    return last;
  }
}
