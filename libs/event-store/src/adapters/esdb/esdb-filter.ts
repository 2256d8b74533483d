import type { Filter } from '@eventstore/db-client';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import { categoryOf } from '@bihuan/core';
import { EventFilter, RecordedEvent } from '../../event-store.port';

/** Escapes a literal for use inside a regular expression (ESDB evaluates .NET regexes; this subset is common). */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The server-side filter for a subscription: categories as a stream-name regex `^(a|b)-`,
 * else event types as an exact event-type regex, else "no system events". ESDB filters on one
 * field only, so when both are given the event types are checked client-side ({@link matchesFilter}).
 * An empty list matches nothing, as on the other adapters.
 */
export function toEsdbFilter(filter: EventFilter | undefined): Filter {
  if (filter?.categories) {
    return streamNameFilter({ regex: `^(${filter.categories.map(escapeRegex).join('|')})-` });
  }
  if (filter?.eventTypes) {
    return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

/** The client-side check of an event against the port's filter (both parts must match). */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.categories && !filter.categories.includes(categoryOf(event.streamName))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}
