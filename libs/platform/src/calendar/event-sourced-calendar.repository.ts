import { Actor, deterministicId, isEventOf, SYSTEM_ACTOR } from '@bihuan/core';
import { CalendarRepository, CalendarYearData, yearContentHash } from '@bihuan/calendar';
import { EventStore } from '@bihuan/event-store';
import { handleCommand } from '@bihuan/processing';
import { CALENDAR_EVENTS, CALENDAR_STREAM, calendarDecider, ImportCalendarYear } from './calendar.decider';

/**
 * Imported calendar years as events in the log (`calendar-cn`), so every api and worker process
 * sees the same data whatever the store, and each import is on the record with who did it.
 */
export class EventSourcedCalendarRepository implements CalendarRepository {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => string,
  ) {}

  async load(): Promise<CalendarYearData[]> {
    const years = new Map<number, CalendarYearData>();
    for (const event of await this.store.readStream(CALENDAR_STREAM)) {
      if (isEventOf(CALENDAR_EVENTS, event)) years.set(event.data.calendar.year, event.data.calendar);
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }

  /**
   * Imports a year as `by`, through the calendar decider (nothing is written when the year already
   * has this content), decided and appended by handleCommand (exact expected revision, retried on a
   * concurrent import), the loop CommandExecution runs; not through CommandExecution itself, which
   * reads the calendar for every write and so cannot be built before it. The command id is the
   * year and content (the event id before the decider, kept), so handleCommand takes a file imported
   * once before as a redelivery and writes nothing — also after a correction of that year, as the
   * store's event-id check did; the decider's own rule covers events written under the old ids.
   */
  async save(year: CalendarYearData, by: Actor = SYSTEM_ACTOR): Promise<void> {
    const contentHash = yearContentHash(year);
    const commandId = deterministicId('calendar-import', year.year, contentHash);
    const command: ImportCalendarYear = {
      type: 'ImportCalendarYear',
      data: { calendar: year, contentHash },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: by, now: this.now() },
    };
    await handleCommand(this.store, CALENDAR_STREAM, calendarDecider, command);
  }

  /**
   * Whether the stream holds an event at `revision` or later: the check every write makes (through
   * CalendarService.current) for another process's import. Reads at most one row, and none when
   * nothing is new — `revision()` would parse the last import's whole year of data each time.
   */
  async hasEventsFrom(revision: number): Promise<boolean> {
    const events = await this.store.readStream(CALENDAR_STREAM, { fromRevision: revision, maxCount: 1 });
    return events.length > 0;
  }

  /** Revision of the stream's last event, -1 when empty; lets readers notice another process's import. */
  async revision(): Promise<number> {
    const [last] = await this.store.readStream(CALENDAR_STREAM, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }
}
