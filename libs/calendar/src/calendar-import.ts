import { CalendarYearData } from './calendar-data';
import { CalendarImportError } from './calendar.errors';
import { dateToDay, weekdayOf, yearOf } from './local-time';

const ALLOWED_KEYS = new Set(['$comment', 'year', 'source', 'holidays', 'makeupWorkdays']);
const MIN_YEAR = 1992;
const MAX_YEAR = 2200;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDays(value: unknown, field: string, year: number, weekendOnly: boolean): Record<string, string> {
  if (!isPlainObject(value)) throw new CalendarImportError(field, 'expected an object {"YYYY-MM-DD": "name"}');
  const out: Record<string, string> = {};
  for (const [date, name] of Object.entries(value)) {
    const at = `${field}.${date}`;
    let day: number;
    try {
      day = dateToDay(date);
    } catch {
      throw new CalendarImportError(at, 'key must be a real date YYYY-MM-DD');
    }
    if (yearOf(day) !== year) throw new CalendarImportError(at, `date is not in ${year}`);
    if (typeof name !== 'string' || name.trim() === '') throw new CalendarImportError(at, 'name must be a non-empty string');
    const weekday = weekdayOf(day);
    if (weekendOnly && weekday !== 0 && weekday !== 6) {
      throw new CalendarImportError(at, 'a make-up working day (a swapped weekend day) must be a Saturday or Sunday');
    }
    out[date] = name.trim();
  }
  return out;
}

/**
 * Validates an import file (already JSON-parsed) against the format in docs/calendar.md and returns
 * the year's data. Errors are {@link CalendarImportError}s naming the bad field (`holidays.2027-02-30`).
 * Unknown keys are refused so a typo (`makeupWorkday`) cannot silently drop the 调休 days.
 */
export function parseCalendarImport(json: unknown): CalendarYearData {
  if (!isPlainObject(json)) throw new CalendarImportError('(root)', 'expected a JSON object');
  for (const key of Object.keys(json)) {
    if (!ALLOWED_KEYS.has(key)) throw new CalendarImportError(key, `unknown field (allowed: ${[...ALLOWED_KEYS].join(', ')})`);
  }
  const year = json.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarImportError('year', `expected a whole year ${MIN_YEAR}–${MAX_YEAR}, got ${JSON.stringify(year)}`);
  }
  const source = json.source;
  if (typeof source !== 'string' || source.trim() === '') {
    throw new CalendarImportError('source', 'expected the notice number or origin of the data (non-empty string)');
  }
  if (json.$comment !== undefined && typeof json.$comment !== 'string') throw new CalendarImportError('$comment', 'expected a string');
  const holidays = parseDays(json.holidays, 'holidays', year, false);
  const makeupWorkdays = parseDays(json.makeupWorkdays, 'makeupWorkdays', year, true);
  for (const date of Object.keys(makeupWorkdays)) {
    if (date in holidays) throw new CalendarImportError(`makeupWorkdays.${date}`, 'date is also listed as a holiday');
  }
  if (Object.keys(holidays).length === 0)
    throw new CalendarImportError('holidays', 'no holidays listed: a year always has statutory holidays');
  return { year, source: source.trim(), holidays, makeupWorkdays };
}
