import { CalendarImportError } from './calendar.errors';

/**
 * Where a statutory holiday starts in a given Gregorian year:
 * - `solar`: a fixed date (元旦 1/1, 劳动节 5/1, 国庆 10/1);
 * - `lunar`: a date of the Chinese lunar calendar (regular, not leap, month) of the lunar year that
 *   begins in that Gregorian year, plus `offset` days (除夕 = lunar 1/1 − 1, whether month 12 has
 *   29 or 30 days);
 * - `solar-term`: the day of a solar term (清明 = the day of the 清明 term, 4–6 April).
 */
export type HolidayAnchor =
  | { readonly kind: 'solar'; readonly month: number; readonly day: number }
  | { readonly kind: 'lunar'; readonly month: number; readonly day: number; readonly offset: number }
  | { readonly kind: 'solar-term'; readonly term: SolarTermName };

/** The solar terms a holiday can be anchored on (the ones that can fall in a holiday law). */
export const SOLAR_TERM_NAMES = ['清明'] as const;
export type SolarTermName = (typeof SOLAR_TERM_NAMES)[number];

/** One statutory holiday: `days` consecutive days off starting at the anchor. */
export interface HolidayRule {
  readonly name: string;
  readonly anchor: HolidayAnchor;
  readonly days: number;
}

/**
 * 补假: how a statutory day off that falls where it frees no working day is given back.
 * `next-working-day`: each such day is given back on the first working day after it that is not
 * itself a statutory day off or already given back (so after the holiday's own block).
 * `onWeekend` (the law: 适逢星期六、星期日，应当在工作日补假); `onOverlap`: a day that is a day off
 * for two holidays at once (中秋 on 10/1–10/3) is given back once for the second holiday, as the
 * State Council did in 2020 (Oct 1–8: 4 statutory weekdays + 2 swapped).
 */
export interface SubstituteRule {
  readonly kind: 'next-working-day';
  readonly onWeekend: boolean;
  readonly onOverlap: boolean;
}

/**
 * A version of the holiday law as data: the engine ({@link provisionalYear}) computes a provisional
 * year from it. An amendment is a new rule set with a new `id` (the id is recorded in the version of
 * every deadline computed with it, so content under one id must never change).
 */
export interface HolidayRuleSet {
  /** Stable id, e.g. `statutory-2025`; `[a-z0-9-]+`. */
  readonly id: string;
  /** First Gregorian year the rules govern; they govern until the next rule set's first year. */
  readonly effectiveFrom: number;
  /** The legal text the rules transcribe. */
  readonly source: string;
  readonly holidays: readonly HolidayRule[];
  readonly substitute: SubstituteRule;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RULE_SET_KEYS = new Set(['$comment', 'id', 'effectiveFrom', 'source', 'holidays', 'substitute']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CalendarImportError(field, `expected a whole number ${min}–${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CalendarImportError(field, 'expected a non-empty string');
  return value.trim();
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new CalendarImportError(field, 'expected true or false');
  return value;
}

function parseAnchor(value: unknown, field: string): HolidayAnchor {
  if (!isObject(value)) throw new CalendarImportError(field, 'expected an object with kind solar | lunar | solar-term');
  switch (value.kind) {
    case 'solar': {
      const month = integer(value.month, `${field}.month`, 1, 12);
      const day = integer(value.day, `${field}.day`, 1, 31);
      if (day > new Date(Date.UTC(2000, month, 0)).getUTCDate())
        throw new CalendarImportError(`${field}.day`, `no such date ${month}/${day}`);
      return { kind: 'solar', month, day };
    }
    case 'lunar':
      return {
        kind: 'lunar',
        month: integer(value.month, `${field}.month`, 1, 12),
        day: integer(value.day, `${field}.day`, 1, 29), // lunar day 30 does not exist every month
        offset: integer(value.offset ?? 0, `${field}.offset`, -30, 30),
      };
    case 'solar-term': {
      const term = value.term;
      if (!(SOLAR_TERM_NAMES as readonly unknown[]).includes(term)) {
        throw new CalendarImportError(`${field}.term`, `expected one of ${SOLAR_TERM_NAMES.join(', ')}`);
      }
      return { kind: 'solar-term', term: term as SolarTermName };
    }
    default:
      throw new CalendarImportError(`${field}.kind`, 'expected solar, lunar or solar-term');
  }
}

/**
 * Validates a rule set given as JSON data (the built-in ones go through it too, so a future
 * amendment can be imported like a calendar year). Errors are {@link CalendarImportError}s naming
 * the field, e.g. `holidays[2].anchor.month`.
 */
export function parseHolidayRuleSet(json: unknown): HolidayRuleSet {
  if (!isObject(json)) throw new CalendarImportError('(root)', 'expected a JSON object');
  for (const key of Object.keys(json)) {
    if (!RULE_SET_KEYS.has(key)) throw new CalendarImportError(key, `unknown field (allowed: ${[...RULE_SET_KEYS].join(', ')})`);
  }
  const id = text(json.id, 'id');
  if (!ID.test(id)) throw new CalendarImportError('id', 'expected lower-case letters, digits and dashes, e.g. statutory-2025');
  const effectiveFrom = integer(json.effectiveFrom, 'effectiveFrom', 1992, 2100);
  const source = text(json.source, 'source');
  if (!Array.isArray(json.holidays) || json.holidays.length === 0) throw new CalendarImportError('holidays', 'expected a non-empty list');
  const holidays = json.holidays.map((rule: unknown, i): HolidayRule => {
    const at = `holidays[${i}]`;
    if (!isObject(rule)) throw new CalendarImportError(at, 'expected { name, anchor, days }');
    return {
      name: text(rule.name, `${at}.name`),
      anchor: parseAnchor(rule.anchor, `${at}.anchor`),
      days: integer(rule.days, `${at}.days`, 1, 15),
    };
  });
  const sub = json.substitute;
  if (!isObject(sub) || sub.kind !== 'next-working-day') throw new CalendarImportError('substitute.kind', 'expected next-working-day');
  return {
    id,
    effectiveFrom,
    source,
    holidays,
    substitute: {
      kind: 'next-working-day',
      onWeekend: bool(sub.onWeekend, 'substitute.onWeekend'),
      onOverlap: bool(sub.onOverlap, 'substitute.onOverlap'),
    },
  };
}
