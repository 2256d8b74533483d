import { Command, Decider, DomainEvent, EventTypes } from '@bihuan/core';
import { CalendarYearData } from '@bihuan/calendar';

export const CALENDAR_STREAM = 'calendar-cn';

/** Import a validated year (parseCalendarImport) with its content hash (yearContentHash). */
export type ImportCalendarYear = Command<'ImportCalendarYear', { calendar: CalendarYearData; contentHash: string }>;

/** The calendar stream's one event: a year imported, with its content hash. */
export type CalendarYearImported = DomainEvent<'CalendarYearImported', { year: number; contentHash: string; calendar: CalendarYearData }>;
export const CALENDAR_EVENTS: EventTypes<CalendarYearImported> = { CalendarYearImported: true };

/** The content hash of the latest import of each year. */
export interface CalendarImportsState {
  readonly latest: Readonly<Record<number, string>>;
}

/**
 * The decider of `calendar-cn`. Importing the content a year already has writes nothing, so running
 * `calendar import` on the same file twice (or a retried request) neither adds an event nor makes the
 * worker recompute deadlines; a different content for the year replaces it.
 */
export const calendarDecider: Decider<ImportCalendarYear, CalendarYearImported, CalendarImportsState> = {
  initialState: { latest: {} },
  // One command and one event type: nothing to switch on.
  evolve(state, event) {
    return { latest: { ...state.latest, [event.data.year]: event.data.contentHash } };
  },
  decide(command, state) {
    const { calendar, contentHash } = command.data;
    if (state.latest[calendar.year] === contentHash) return [];
    return [{ type: 'CalendarYearImported', data: { year: calendar.year, contentHash, calendar } }];
  },
};
