import { CalendarData, CalendarYearData } from './calendar-data';
import { STATUTORY_RULE_SETS } from './statutory-rule-sets';

/**
 * The built-in calendar, converted once at module load from the `chinese-days` package's data
 * (`dist/chinese-days.json`: `holidays` and `workdays` maps keyed `YYYY-MM-DD`, values like
 * `"Spring Festival,春节,4"`). We keep the Chinese name. The package's `inLieuDays` (days off given
 * in exchange for a make-up day) are already inside `holidays`, so they are not needed.
 *
 * 2025 was checked against the State Council notice (国办发明电〔2024〕12号): Spring Festival
 * Jan 28–Feb 4 with make-up Sun Jan 26 and Sat Feb 8; National Day + Mid-Autumn Oct 1–8 with
 * make-up Sun Sep 28 and Sat Oct 11 (the unit tests pin these).
 */
type DayMap = Record<string, string>;
interface ChineseDaysJson {
  holidays: DayMap;
  workdays: DayMap;
}

function isDayMap(value: unknown): value is DayMap {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function loadPackage(): { json: ChineseDaysJson; version: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const json = require('chinese-days/dist/chinese-days.json') as unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('chinese-days/package.json') as unknown;
  const record = json as Record<string, unknown>;
  if (!isDayMap(record.holidays) || !isDayMap(record.workdays)) {
    throw new Error('chinese-days/dist/chinese-days.json has an unexpected shape (holidays/workdays maps)');
  }
  const version = (pkg as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('chinese-days/package.json has no version');
  return { json: { holidays: record.holidays, workdays: record.workdays }, version };
}

/** "Spring Festival,春节,4" → "春节"; a value without commas is kept as it is. */
function holidayName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

function convert(json: ChineseDaysJson, source: string): CalendarYearData[] {
  const years = new Map<number, { holidays: DayMap; makeupWorkdays: DayMap }>();
  const bucket = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { holidays: {}, makeupWorkdays: {} }));
    return entry;
  };
  for (const [date, raw] of Object.entries(json.holidays)) bucket(date).holidays[date] = holidayName(raw);
  for (const [date, raw] of Object.entries(json.workdays)) bucket(date).makeupWorkdays[date] = holidayName(raw);
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => ({ year, holidays: days.holidays, makeupWorkdays: days.makeupWorkdays, source }));
}

const loaded = loadPackage();

/** Version of the `chinese-days` package the built-in data came from. */
export const CHINESE_DAYS_VERSION = loaded.version;

/** Built-in years (2004–2026 with chinese-days 1.5.7), in year order. */
export const BUILT_IN_YEARS: readonly CalendarYearData[] = convert(loaded.json, `chinese-days@${loaded.version}`);

/** Base version string of the built-in data: `cn@chinese-days-<version>`. */
export const BUILT_IN_VERSION = `cn@chinese-days-${loaded.version}`;

/** The built-in calendar data set (no imported years), with the statutory rule sets for provisional years. */
export function builtInCalendarData(): CalendarData {
  return CalendarData.of(BUILT_IN_VERSION, BUILT_IN_YEARS, STATUTORY_RULE_SETS);
}
