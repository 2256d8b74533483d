import type { CalendarYearData } from './calendar-year';
import { HolidayAnchor, HolidayRuleSet } from './holiday-rules';
import { LUNAR_TABLE_YEARS, solarDateOfLunar, solarTermDate } from './lunar-dates';
import { dateToDay, dayToDate, weekdayOf, yearOf } from './local-time';

/**
 * A provisional year: what the holiday law alone says, before the State Council's notice for the
 * year is out. Weekends off, the rule set's statutory days off, and 补假 for statutory days that
 * free no working day (on a Saturday/Sunday, or on another holiday's day off). No make-up working
 * days (调休): only the notice decides them, so `makeupWorkdays` is always empty. Pure: a function
 * of the year and the rule set (and the lunar tables of the installed chinese-days).
 */
export function provisionalYear(year: number, ruleSet: HolidayRuleSet): CalendarYearData {
  if (!ruleSetGoverns(ruleSet, year)) throw new RangeError(`rule set ${ruleSet.id} does not govern ${year}`);
  const statutory = new Map<number, string>();
  const owed: { day: number; name: string }[] = [];
  for (const rule of ruleSet.holidays) {
    const start = anchorDay(year, rule.anchor);
    for (let i = 0; i < rule.days; i += 1) {
      const day = start + i;
      if (statutory.has(day)) {
        if (ruleSet.substitute.onOverlap) owed.push({ day, name: rule.name });
        continue;
      }
      statutory.set(day, rule.name);
      if (ruleSet.substitute.onWeekend && isWeekend(day)) owed.push({ day, name: rule.name });
    }
  }
  const holidays: Record<string, string> = {};
  for (const [day, name] of [...statutory.entries()].sort(([a], [b]) => a - b)) holidays[dayToDate(day)] = name;
  // Each owed day goes to the first weekday after it that is neither a statutory day off nor already
  // given back: in date order, so a weekend inside a block is given back after the block.
  const given = new Set<number>();
  for (const { day, name } of owed.sort((a, b) => a.day - b.day)) {
    let substitute = day + 1;
    while (isWeekend(substitute) || statutory.has(substitute) || given.has(substitute)) substitute += 1;
    if (yearOf(substitute) !== year)
      throw new RangeError(`rule set ${ruleSet.id}: the substitute day off for ${dayToDate(day)} falls outside ${year}`);
    given.add(substitute);
    holidays[dayToDate(substitute)] = `${name}（补假）`;
  }
  return { year, holidays: sortedByDate(holidays), makeupWorkdays: {}, source: `provisional@${ruleSet.id}` };
}

/** Whether the rule set can compute `year` (its own first year onwards, within the lunar tables). */
export function ruleSetGoverns(ruleSet: HolidayRuleSet, year: number): boolean {
  return Number.isInteger(year) && year >= ruleSet.effectiveFrom && year >= LUNAR_TABLE_YEARS.first && year <= LUNAR_TABLE_YEARS.last;
}

/** The rule set in force in `year`: the one with the latest `effectiveFrom` ≤ year that governs it. */
export function ruleSetFor(ruleSets: readonly HolidayRuleSet[], year: number): HolidayRuleSet | undefined {
  let found: HolidayRuleSet | undefined;
  for (const set of ruleSets) if (set.effectiveFrom <= year && (!found || set.effectiveFrom >= found.effectiveFrom)) found = set;
  return found && ruleSetGoverns(found, year) ? found : undefined;
}

function anchorDay(year: number, anchor: HolidayAnchor): number {
  switch (anchor.kind) {
    case 'solar':
      return dateToDay(`${year}-${pad(anchor.month)}-${pad(anchor.day)}`);
    case 'lunar':
      return dateToDay(solarDateOfLunar(year, anchor.month, anchor.day)) + anchor.offset;
    case 'solar-term':
      return dateToDay(solarTermDate(year, anchor.term));
    default: {
      const never: never = anchor;
      throw new Error(`unknown anchor ${JSON.stringify(never)}`);
    }
  }
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function sortedByDate(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as string;
  return out;
}
