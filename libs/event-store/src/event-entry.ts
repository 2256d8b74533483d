import { Actor } from '@bihuan/core';
import { RecordedEvent } from './event-store.port';

/**
 * One recorded event as a history shows it to people: the envelope's fields next to the data.
 * The one entry shape of every history — a finding's history answers it as is, the audit case
 * timeline extends it (and resolves the causation id to the causing event).
 */
export interface EventEntry {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: object;
  readonly eventId: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly causationId: string | null;
  readonly correlationId: string;
}

export function eventEntry(event: RecordedEvent): EventEntry {
  const m = event.metadata;
  return {
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: event.data,
    eventId: m.eventId,
    actor: m.actor,
    occurredAt: m.occurredAt,
    recordedAt: m.recordedAt,
    causationId: m.causationId,
    correlationId: m.correlationId,
  };
}
