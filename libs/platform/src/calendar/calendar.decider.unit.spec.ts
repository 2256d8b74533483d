import { Actor } from '@bihuan/core';
import { CalendarYearData } from '@bihuan/calendar';
import { DeciderSpecification } from '@bihuan/testing';
import { calendarDecider, CalendarYearImported, ImportCalendarYear } from './calendar.decider';

const admin: Actor = { id: 'admin', role: 'admin', unit: 'prov' };
const spec = DeciderSpecification(calendarDecider);

const first: CalendarYearData = { year: 2027, source: 'notice 1', holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {} };
const corrected: CalendarYearData = { ...first, source: 'notice 2', holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦' } };
const nextYear: CalendarYearData = { year: 2028, source: 'notice 3', holidays: { '2028-01-01': '元旦' }, makeupWorkdays: {} };
// The decider takes the hash it is given (the repository computes it): short labels keep the cases readable.
const hashes = new Map([
  [first, 'h-first'],
  [corrected, 'h-corrected'],
  [nextYear, 'h-next'],
]);

const importing = (calendar: CalendarYearData): ImportCalendarYear => ({
  type: 'ImportCalendarYear',
  data: { calendar, contentHash: hashes.get(calendar)! },
  metadata: { commandId: 'c-1', correlationId: 'c-1', causationId: null, actor: admin, now: '2026-11-02T02:00:00.000Z' },
});
const imported = (calendar: CalendarYearData): CalendarYearImported => ({
  type: 'CalendarYearImported',
  data: { year: calendar.year, contentHash: hashes.get(calendar)!, calendar },
});

describe('calendar decider', () => {
  it('given no import, when a year is imported, then it is recorded with its content hash', () => {
    spec
      .given([])
      .when(importing(first))
      .then([imported(first)]);
  });

  it('given the year with this content, when the same content is imported again, then nothing is written', () => {
    spec
      .given([imported(first)])
      .when(importing(first))
      .thenNothing();
  });

  it('given the year, when a corrected content is imported, then it replaces the year', () => {
    spec
      .given([imported(first)])
      .when(importing(corrected))
      .then([imported(corrected)]);
  });

  it('given a correction after the first content, when the first content is imported again, then it is the latest again', () => {
    spec
      .given([imported(first), imported(corrected)])
      .when(importing(first))
      .then([imported(first)]);
  });

  it('given one year, when another year is imported, then it is recorded beside it', () => {
    spec
      .given([imported(first)])
      .when(importing(nextYear))
      .then([imported(nextYear)]);
  });
});
