import { categoryOf, Clock } from '@bihuan/core';
import { checkExpectedRevision } from '../../errors';
import {
  AppendResult,
  BatchDelivery,
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
import { sealEvent } from '../../chain/seal';
import { assertDistinctEventIds, duplicateEventIdError, plainEvent, RecordedAtStamp } from '../append-rules';
import { CatchUpSubscription, trackSubscription } from '../catch-up-subscription';
import { EVENT_UPCASTERS } from '../../upcasting/event-upcasters';
import { Upcasters } from '../../upcasting/upcasters';

/**
 * The log in process memory, for unit and e2e tests. It keeps the same guarantees as the sqlite
 * adapter (same contract suite): appends are applied synchronously, so positions are assigned
 * and made visible strictly in order and a catch-up subscription can never miss one.
 */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, RecordedEvent>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly stamp: RecordedAtStamp;
  private closed = false;

  /** `upcasters` are applied to every event read (default: the project's EVENT_UPCASTERS). */
  constructor(
    clock: Clock,
    private readonly upcasters: Upcasters = EVENT_UPCASTERS,
  ) {
    this.stamp = new RecordedAtStamp(() => clock.now());
  }

  async append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    assertDistinctEventIds(stream, events);
    const existing = this.streams.get(stream) ?? [];
    const replay = this.replayOf(stream, events);
    if (replay) return replay;
    checkExpectedRevision(stream, expected, existing.length === 0 ? null : existing.length - 1);
    if (events.length === 0) {
      return { nextExpectedRevision: existing.length - 1, position: this.log.length, written: false, events: [] };
    }
    const recordedAt = this.stamp.next();
    const added: RecordedEvent[] = [];
    let prevHash = existing.length === 0 ? null : existing[existing.length - 1]!.metadata.hash;
    for (const [i, event] of events.entries()) {
      const sealed = sealEvent(stream, existing.length + i, prevHash, plainEvent(event), recordedAt);
      added.push({ streamName: stream, revision: existing.length + i, position: this.log.length + i + 1, ...sealed });
      prevHash = sealed.metadata.hash;
    }
    for (const e of added) {
      this.log.push(e);
      this.byEventId.set(e.metadata.eventId, e);
    }
    if (existing.length === 0) this.streams.set(stream, added);
    else existing.push(...added);
    for (const s of this.subscriptions) s.nudge();
    const last = added[added.length - 1]!;
    // The objects the log now holds, handed out as a read would hand them out.
    const recorded = added.map((e) => this.upcasters.upcast(e));
    return { nextExpectedRevision: last.revision, position: last.position, written: true, events: recorded };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    let events = this.streams.get(stream) ?? [];
    const asOf = options.asOf;
    if (asOf) {
      events =
        'position' in asOf
          ? events.filter((e) => e.position <= asOf.position)
          : events.filter((e) => e.metadata.recordedAt <= asOf.recordedAt);
    }
    const max = options.maxCount ?? Infinity;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? Infinity;
      return events
        .filter((e) => e.revision <= from)
        .reverse()
        .slice(0, max)
        .map((e) => this.upcasters.upcast(e));
    }
    const from = options.fromRevision ?? 0;
    return events
      .filter((e) => e.revision >= from)
      .slice(0, max)
      .map((e) => this.upcasters.upcast(e));
  }

  async eventRevision(stream: string, eventId: string): Promise<number | null> {
    this.assertOpen();
    const event = this.byEventId.get(eventId);
    return event && event.streamName === stream ? event.revision : null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const max = options.maxCount ?? Infinity;
    const categories = options.filter?.categories;
    const types = options.filter?.eventTypes;
    const out: RecordedEvent[] = [];
    // Positions are 1-based and dense here, so the start index follows from the checkpoint.
    for (let i = Math.max(0, options.fromPosition ?? 0); i < this.log.length && out.length < max; i++) {
      const e = this.log[i]!;
      if (categories && !categories.includes(categoryOf(e.streamName))) continue;
      if (types && !types.includes(e.type)) continue;
      out.push(this.upcasters.upcast(e));
    }
    return out;
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    return this.log.length === 0 ? null : this.log.length;
  }

  subscribeToAll(handler: EventHandler | BatchDelivery, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    return trackSubscription(this.subscriptions, new CatchUpSubscription(this, handler, options));
  }

  /** The head of every stream, for `ChainVerifier.checkHeads`. */
  streamHeads(): Map<string, { revision: number; hash: string }> {
    const heads = new Map<string, { revision: number; hash: string }>();
    for (const [name, events] of this.streams) {
      const last = events[events.length - 1]!;
      heads.set(name, { revision: last.revision, hash: last.metadata.hash });
    }
    return heads;
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    this.closed = true;
  }

  /** An append whose eventIds are all already in `stream` is answered from the log. */
  private replayOf(stream: string, events: readonly EventToAppend[]): AppendResult | null {
    if (events.length === 0) return null;
    const found = events.map((e) => this.byEventId.get(e.metadata.eventId));
    if (found.every((e) => e === undefined)) return null;
    for (const [i, e] of found.entries()) {
      if (!e || e.streamName !== stream) {
        throw duplicateEventIdError(stream, events[i]!.metadata.eventId, e ? e.streamName : 'no stream (partial replay)');
      }
    }
    const head = this.streams.get(stream)!;
    return { nextExpectedRevision: head.length - 1, position: found[found.length - 1]!.position, written: false, events: [] };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryEventStore is closed');
  }
}
