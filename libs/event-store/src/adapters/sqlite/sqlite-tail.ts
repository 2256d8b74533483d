import { categoryOf } from '@bihuan/core';
import { EventFilter, RecordedEvent } from '../../event-store.port';

/** How far behind the head a `readAll` may start and still be answered from the shared tail. */
export const TAIL_EVENTS = 256;

/** Whether `event` passes `filter` as the SQL does: category (text before the first dash) and type. */
function matches(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (filter?.categories && !filter.categories.includes(categoryOf(event.streamName))) return false;
  return !filter?.eventTypes || filter.eventTypes.includes(event.type);
}

/**
 * The log's newest events, read once and shared by every reader of this process that starts near
 * the head — in practice the ~20 catch-up subscriptions, which each ran their own filtered query
 * (and parsed the same rows again) after every commit: ~10 % of a command's CPU, most of it
 * queries that found nothing (issue 14, item 6). Each event is read and parsed once, when a reader
 * first asks past the events held; the filters run in memory.
 *
 * Holds every event in (`from`, `end`]: it only ever adds what a read after `end` returned, and
 * since the visible log is always a prefix of the global order (see SqliteEventStore), such a read
 * misses nothing. A reader that starts further back than it reaches, or more than TAIL_EVENTS
 * behind the head, is answered by SQL. The events are shared, as the memory store shares its own:
 * readers must not change them.
 */
export class SharedTail {
  /** Null until the first read: then it holds every event in (`from`, `end`]. */
  private from: number | null = null;
  private end = 0;
  private events: RecordedEvent[] = [];

  /** `load(after)`: every event with a position above `after`, in order, as readAll gives them. */
  constructor(private readonly load: (after: number) => RecordedEvent[]) {}

  /**
   * The events after `after` that pass `filter`, at most `max` (negative: no limit), up to at least
   * `head` (the newest position when the caller asked); null when the caller is too far behind.
   */
  read(after: number, head: number, max: number, filter: EventFilter | undefined): RecordedEvent[] | null {
    if (after >= head || max === 0) return [];
    if (head - after > TAIL_EVENTS) return null;
    // Behind what is held, or held so little of what came since that reading it all is not worth it.
    if (this.from === null || after < this.from || head - this.end > TAIL_EVENTS) this.restart(after);
    else if (this.end < head) this.extend();
    const out: RecordedEvent[] = [];
    for (const event of this.events) {
      if (event.position <= after || !matches(event, filter)) continue;
      out.push(event);
      if (out.length === max) break;
    }
    return out;
  }

  private restart(after: number): void {
    this.from = after;
    this.end = after;
    this.events = [];
    this.extend();
  }

  /** Adds what was committed after `end`, and lets go of what lies more than TAIL_EVENTS back. */
  private extend(): void {
    const added = this.load(this.end);
    if (added.length === 0) return;
    this.events.push(...added);
    this.end = added[added.length - 1]!.position;
    const keep = this.events.findIndex((event) => event.position > this.end - TAIL_EVENTS);
    if (keep > 0) {
      this.from = this.events[keep - 1]!.position;
      this.events = this.events.slice(keep);
    }
  }
}
