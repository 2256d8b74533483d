import { DomainError } from '@bihuan/core';

/**
 * The calendar was asked about a year it has no data for and no holiday rule set governs (before
 * 2014, after 2100). Years without official data that a rule set governs are provisional instead
 * (docs/calendar.md); we never fall back to "plain weekends", which would silently drop holidays.
 */
export class CalendarDataMissingError extends DomainError {
  constructor(
    readonly year: number,
    readonly calendarVersion: string,
  ) {
    super(
      'CALENDAR.DATA_MISSING',
      `No working-day calendar data for ${year} (calendar ${calendarVersion}); import the State Council calendar for ${year}`,
      'rule',
      { year, calendarVersion },
    );
    this.name = 'CalendarDataMissingError';
  }
}

/** An import file (or a stored year) does not match the documented format; `field` names the culprit. */
export class CalendarImportError extends DomainError {
  constructor(field: string, message: string) {
    super('CALENDAR.IMPORT_INVALID', `${field}: ${message}`, 'validation', { field });
    this.name = 'CalendarImportError';
  }
}

/** An argument (instant, date, day count, fraction) the calendar cannot interpret. */
export class CalendarArgumentError extends DomainError {
  constructor(field: string, message: string) {
    super('CALENDAR.INVALID_ARGUMENT', `${field}: ${message}`, 'validation', { field });
    this.name = 'CalendarArgumentError';
  }
}

/** A pause/resume that the stop clock's state does not allow (pause twice, resume a running clock …). */
export class StopClockStateError extends DomainError {
  constructor(message: string) {
    super('CALENDAR.STOP_CLOCK_STATE', message, 'conflict');
    this.name = 'StopClockStateError';
  }
}
