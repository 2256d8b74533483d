import { CalendarData } from './calendar-data';
import { withProvisionalMarks } from './calendar-version';
import { CalendarArgumentError, CalendarDataMissingError } from './calendar.errors';
import { DAY_MS, Instant, dateToDay, dayEnd, dayOf, dayStart, dayToDate, toEpochMs, toIso, weekdayOf, yearOf } from './local-time';

/** Why a day is or is not worked. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Holiday or make-up name (春节 …) when there is one. */
  readonly name?: string;
  /** Present (true) when the day's year is provisional: computed from the holiday law, not the notice. */
  readonly provisional?: true;
}

/** A computed deadline and the calendar data that computed it (recorded on `DeadlineSet`). */
export interface WorkingDeadline {
  readonly dueAt: string;
  readonly calendarVersion: string;
}

interface YearSets {
  readonly holidays: ReadonlyMap<string, string>;
  readonly makeup: ReadonlyMap<string, string>;
}

/**
 * The mainland-China working-day calendar in Asia/Shanghai (fixed UTC+8). A working day is a whole
 * local day, 00:00–24:00: Monday–Friday unless a statutory holiday, plus make-up Saturdays/Sundays
 * (调休上班). Pure: instants come in as arguments, the clock is never read. A year without official
 * data is provisional (computed from the holiday law, see {@link CalendarData.resolve}); only a year
 * no rule set governs (before 2014, after 2100) throws {@link CalendarDataMissingError}.
 */
export class WorkingCalendar {
  private readonly sets = new Map<number, YearSets>();

  constructor(readonly data: CalendarData) {}

  /**
   * The version of the official data (built-in + imported years). A deadline records
   * {@link versionBetween} instead, which also names the provisional years it used.
   */
  get version(): string {
    return this.data.version;
  }

  /**
   * The calendar version of a computation over the days from `a` to `b` (either order): the
   * official version, plus `+provisional:<year>@<rule set>` for each provisional year among the
   * years of those Shanghai dates. Record this with any due date computed over [a, b].
   */
  versionBetween(a: Instant, b: Instant): string {
    const ya = yearOf(dayOf(toEpochMs(a, 'a')));
    const yb = yearOf(dayOf(toEpochMs(b, 'b')));
    const marks = this.data.provisionalYears(ya, yb).map((year) => ({ year, ruleSetId: this.data.provisionalRuleSet(year)?.id ?? '' }));
    return withProvisionalMarks(this.version, marks);
  }

  /** Whether a year is provisional here (no official data; computed from the holiday rules). */
  isProvisional(year: number): boolean {
    return this.data.isProvisional(year);
  }

  /** The provisional years in [from, to], ascending. */
  provisionalYears(from: number, to: number): number[] {
    return this.data.provisionalYears(from, to);
  }

  /** Local (Shanghai) date `YYYY-MM-DD` of an instant. */
  localDate(instant: Instant): string {
    return dayToDate(dayOf(toEpochMs(instant)));
  }

  /** Whether a Shanghai date is a working day. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dateToDay(date));
  }

  /** Whether the Shanghai day containing the instant is a working day. */
  isWorkingInstant(instant: Instant): boolean {
    return this.isWorkingDayNumber(dayOf(toEpochMs(instant)));
  }

  /** What kind of day a date is, with the holiday name: for people and admin screens. */
  dayInfo(date: string): DayInfo {
    const day = dateToDay(date);
    const info = this.kindOf(date, day);
    return this.data.isProvisional(yearOf(day)) ? { ...info, provisional: true } : info;
  }

  /**
   * "Within n working days, counted from the day after receipt": the receipt day never counts, and
   * the deadline is the END of the n-th working day after it (23:59:59.999 Shanghai, i.e.
   * 15:59:59.999Z). A thing done at or before `dueAt` is on time. `n` is a whole number ≥ 1.
   */
  addWorkingDays(from: Instant, n: number): WorkingDeadline {
    if (!Number.isInteger(n) || n < 1) throw new CalendarArgumentError('n', `expected a whole number of working days ≥ 1, got ${n}`);
    let day = dayOf(toEpochMs(from, 'from'));
    let counted = 0;
    while (counted < n) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    const dueAt = toIso(dayEnd(day) - 1);
    return { dueAt, calendarVersion: this.versionBetween(from, dueAt) };
  }

  /**
   * Working days counted (by the same "from the day after" rule) that have begun by `b`: the number
   * of working days D with localDate(a) < D and start-of-D < b. Fully or partly elapsed days both
   * count, so `workingDaysBetween(a, addWorkingDays(a, n).dueAt) === n`; 0 when b ≤ a.
   */
  workingDaysBetween(a: Instant, b: Instant): number {
    const end = toEpochMs(b, 'b');
    let count = 0;
    for (let day = dayOf(toEpochMs(a, 'a')) + 1; dayStart(day) < end; day += 1) {
      if (this.isWorkingDayNumber(day)) count += 1;
    }
    return count;
  }

  /** Working time (ms) inside [a, b): only the parts lying in working days count; 0 when b ≤ a. */
  workingMsBetween(a: Instant, b: Instant): number {
    return this.workingMs(toEpochMs(a, 'a'), toEpochMs(b, 'b'));
  }

  /** Epoch-ms form of {@link workingMsBetween}. */
  workingMs(startMs: number, endMs: number): number {
    let total = 0;
    for (let day = dayOf(startMs); dayStart(day) < endMs; day += 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      total += Math.max(0, Math.min(endMs, dayEnd(day)) - Math.max(startMs, dayStart(day)));
    }
    return total;
  }

  /**
   * The earliest instant t ≥ from with exactly `ms` of working time in [from, t). Non-working days
   * are skipped; with ms = 0 it is `from` itself. Used to place a resumed deadline and reminders.
   */
  addWorkingMs(fromMs: number, ms: number): number {
    if (!(ms >= 0)) throw new CalendarArgumentError('ms', `expected working milliseconds ≥ 0, got ${ms}`);
    if (ms === 0) return fromMs;
    let left = ms;
    for (let day = dayOf(fromMs); ; day += 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      const from = Math.max(fromMs, dayStart(day));
      const available = dayEnd(day) - from;
      if (left <= available) return from + left;
      left -= available;
    }
  }

  /** The latest instant t ≤ to with exactly `ms` of working time in [t, to). */
  subtractWorkingMs(toMs: number, ms: number): number {
    if (!(ms >= 0)) throw new CalendarArgumentError('ms', `expected working milliseconds ≥ 0, got ${ms}`);
    if (ms === 0) return toMs;
    let left = ms;
    for (let day = dayOf(toMs - 1); ; day -= 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      const to = Math.min(toMs, dayEnd(day));
      const available = to - dayStart(day);
      if (left <= available) return to - left;
      left -= available;
    }
  }

  /**
   * Reminder instants at the given fractions (0 < f < 1) of the working time of a deadline set by
   * {@link addWorkingDays}: counting starts at the beginning of the day after `startedAt` and ends
   * with `dueAt` (inclusive). E.g. [0.5, 0.8] of 5 working days → noon of the 3rd working day and
   * 00:00 of the 5th. A point falling on the boundary before days off is given as the start of
   * the next working day, so reminders are not sent on holidays. Sorted ascending, no duplicates.
   */
  warnInstants(startedAt: Instant, dueAt: Instant, fractions: readonly number[]): string[] {
    const countFrom = dayStart(dayOf(toEpochMs(startedAt, 'startedAt')) + 1);
    return this.fractionInstants(countFrom, toEpochMs(dueAt, 'dueAt') + 1, 0, fractions);
  }

  /**
   * Instants at which fractions of a working-time budget are used, when `usedMs` were already used
   * before `countFromMs` (a resumed stop clock). Fractions already passed are left out.
   */
  fractionInstants(countFromMs: number, endExclusiveMs: number, usedMs: number, fractions: readonly number[]): string[] {
    const budget = usedMs + this.workingMs(countFromMs, endExclusiveMs);
    const out = new Set<number>();
    for (const f of fractions) {
      if (!(f > 0 && f < 1)) throw new CalendarArgumentError('fractions', `expected fractions strictly between 0 and 1, got ${f}`);
      const target = Math.round(f * budget);
      // Latest instant with that much used: a point on the eve of a holiday moves to the next working day's start.
      if (target > usedMs) out.add(this.addWorkingMs(countFromMs, target - usedMs + 1) - 1);
    }
    return [...out].sort((a, b) => a - b).map(toIso);
  }

  /**
   * The instant when exactly `n` working days of working time remain before `dueAt` (inclusive
   * end): for a deadline at the end of Friday and n = 1, that is Friday 00:00 Shanghai; across a
   * weekend or holiday it moves back to the previous working day.
   */
  workingDayBefore(dueAt: Instant, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new CalendarArgumentError('n', `expected a whole number of working days ≥ 1, got ${n}`);
    return toIso(this.subtractWorkingMs(toEpochMs(dueAt, 'dueAt') + 1, n * DAY_MS));
  }

  private kindOf(date: string, day: number): DayInfo {
    const sets = this.yearSets(yearOf(day));
    const holiday = sets.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday };
    const makeup = sets.makeup.get(date);
    if (makeup !== undefined) return { date, working: true, kind: 'makeup-workday', name: makeup };
    const weekday = weekdayOf(day);
    return weekday === 0 || weekday === 6 ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
  }

  private isWorkingDayNumber(day: number): boolean {
    const date = dayToDate(day);
    const sets = this.yearSets(yearOf(day));
    if (sets.holidays.has(date)) return false;
    if (sets.makeup.has(date)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }

  private yearSets(year: number): YearSets {
    let sets = this.sets.get(year);
    if (sets) return sets;
    const data = this.data.resolve(year)?.data;
    if (!data) throw new CalendarDataMissingError(year, this.version);
    sets = { holidays: new Map(Object.entries(data.holidays)), makeup: new Map(Object.entries(data.makeupWorkdays)) };
    this.sets.set(year, sets);
    return sets;
  }
}
