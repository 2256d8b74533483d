import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { SolarTermName } from './holiday-rules';

/**
 * Lunar dates and solar terms from the `chinese-days` package (its tables cover lunar years
 * 1900–2100), so we write no astronomy. Dates are Shanghai calendar dates `YYYY-MM-DD`.
 *
 * Host time zone: chinese-days mixes UTC and host-local `Date` getters, so called naively it answers
 * a day early on a host west of UTC (e.g. TZ=America/Los_Angeles). We feed `getSolarDateFromLunar`
 * a host-local midnight (all its arithmetic is then local, hence consistent), and correct
 * `getSolarTermDate`, which parses its own `Y-M-D` as UTC and prints it with local getters.
 * Self-contained (no other runtime imports) so a test can run it in a child process under another TZ.
 */
export const LUNAR_TABLE_YEARS = { first: 1901, last: 2100 } as const;

const TERM_KEYS: Record<SolarTermName, { month: number; key: 'pure_brightness' }> = {
  清明: { month: 4, key: 'pure_brightness' },
};

/** The Gregorian date of lunar `month`/`day` (regular month) of the lunar year starting in `year`. */
export function solarDateOfLunar(year: number, month: number, day: number): string {
  const { date } = getSolarDateFromLunar(new Date(year, month - 1, day));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`chinese-days gave ${JSON.stringify(date)} for lunar ${year}-${month}-${day}`);
  return date;
}

/** The date of a solar term in a Gregorian year (清明: 4–6 April). */
export function solarTermDate(year: number, term: SolarTermName): string {
  const { month, key } = TERM_KEYS[term];
  const printed = getSolarTermDate(year, month, key);
  // `printed` is the host-local date of the term's UTC midnight: the term itself when the host is at
  // or east of UTC, the day before when it is west. Undo that: find D whose UTC midnight prints as `printed`.
  const utcMidnight = Date.parse(`${printed}T00:00:00Z`);
  return printsAs(utcMidnight) === printed ? printed : new Date(utcMidnight + 86_400_000).toISOString().slice(0, 10);
}

/** Host-local `YYYY-MM-DD` of an instant (what chinese-days prints for it). */
function printsAs(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
