import { Actor, deterministicId, DomainEvent, EventTypes, isEventOf } from '@bihuan/core';
import { CalendarRepository, CalendarYearData, yearContentHash } from '@bihuan/calendar';
import { EventStore } from '@bihuan/event-store';

export const CALENDAR_STREAM = 'calendar-cn';

/** The calendar stream's one event: a year imported, with its content hash. */
export type CalendarYearImported = DomainEvent<'CalendarYearImported', { year: number; contentHash: string; calendar: CalendarYearData }>;
export const CALENDAR_EVENTS: EventTypes<CalendarYearImported> = { CalendarYearImported: true };

/**
 * Imported calendar years as events in the log (`calendar-cn`), so every api and worker process
 * sees the same data whatever the store, and each import is on the record with who did it.
 */
export class EventSourcedCalendarRepository implements CalendarRepository {
  constructor(
    private readonly store: EventStore,
    private readonly actor: () => Actor,
    private readonly now: () => string,
  ) {}

  async load(): Promise<CalendarYearData[]> {
    const years = new Map<number, CalendarYearData>();
    for (const event of await this.store.readStream(CALENDAR_STREAM)) {
      if (isEventOf(CALENDAR_EVENTS, event)) years.set(event.data.calendar.year, event.data.calendar);
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }

  async save(year: CalendarYearData): Promise<void> {
    const hash = yearContentHash(year);
    const at = this.now();
    const eventId = deterministicId('calendar-import', year.year, hash);
    await this.store.append(
      CALENDAR_STREAM,
      [
        {
          type: 'CalendarYearImported',
          data: { year: year.year, contentHash: hash, calendar: year },
          metadata: { eventId, correlationId: eventId, causationId: null, actor: this.actor(), occurredAt: at, schemaVersion: 1 },
        },
      ],
      'any',
    );
  }

  /** Revision of the stream's last event, -1 when empty; lets readers notice another process's import. */
  async revision(): Promise<number> {
    const [last] = await this.store.readStream(CALENDAR_STREAM, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }
}
