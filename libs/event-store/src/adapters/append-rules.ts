import { DomainError } from '@bihuan/core';
import { EventToAppend } from '../event-store.port';

/**
 * Rules the embedded adapters (sqlite, memory) share, so both answer a replayed or malformed
 * append the same way.
 */

/** Refuses an append that repeats an eventId within itself: the log would hold it twice. */
export function assertDistinctEventIds(stream: string, events: readonly EventToAppend[]): void {
  if (events.length < 2) return;
  const ids = new Set<string>();
  for (const e of events) {
    if (ids.has(e.metadata.eventId)) {
      throw new DomainError('STORE.DUPLICATE_EVENT_ID', `Append to ${stream} repeats eventId ${e.metadata.eventId}`, 'validation', {
        streamName: stream,
        eventId: e.metadata.eventId,
      });
    }
    ids.add(e.metadata.eventId);
  }
}

/**
 * eventIds are unique in the whole log. An append whose eventIds are *all* already in the target
 * stream is an idempotent replay (a retried request) and succeeds without writing; one that
 * overlaps only partly, or reuses an id of another stream, is a caller bug and is refused.
 */
export function duplicateEventIdError(stream: string, eventId: string, heldBy: string): DomainError {
  return new DomainError(
    'STORE.DUPLICATE_EVENT_ID',
    `Event ${eventId} is already in ${heldBy}; an append to ${stream} may only replay all of its events or none`,
    'conflict',
    { streamName: stream, eventId, heldBy },
  );
}

/** The log's recordedAt never goes backwards within one store instance, so as-of by time is a prefix. */
export class RecordedAtStamp {
  private last = '';
  constructor(private readonly now: () => Date) {}
  next(): string {
    const iso = this.now().toISOString();
    if (iso > this.last) this.last = iso;
    return this.last;
  }
}

/**
 * The event as JSON will give it back: what is stored, hashed and later re-hashed by a verifier
 * must be the same value (a Date or an undefined member would otherwise hash differently on read).
 */
export function plainEvent(event: EventToAppend): EventToAppend {
  return {
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data)) as object,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as EventToAppend['metadata'],
  };
}
