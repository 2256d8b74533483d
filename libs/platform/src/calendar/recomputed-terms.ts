import { DeadlineState } from '@bihuan/core';
import { DAY_MS, SHANGHAI_OFFSET_MS, WorkingCalendar } from '@bihuan/calendar';

/** What a deadline becomes on another calendar: the data of a `RecomputeDeadline` command. */
export interface RecomputedTerms {
  readonly dueAt: string;
  readonly warnAt: string[];
  readonly calendarVersion: string;
  readonly remainingMs: number | null;
}

/** 00:00 Shanghai of the day after `instant`: a working-day count never starts on the receipt day. */
function countingStartsAt(instant: string): number {
  const local = Date.parse(instant) + SHANGHAI_OFFSET_MS;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * The reminders the deadline's own policy asks for (as recorded on its DeadlineSet): fractions of
 * the working time (inspection's `reminderFractions`), or n working days before dueAt (complaints'
 * `reminderWorkingDaysBefore`). Without either, the old reminders still ahead are kept.
 * Only instants after `now` and before dueAt: a reminder already due is not given again.
 */
function reminders(calendar: WorkingCalendar, d: DeadlineState, from: string, dueAt: string, now: string): string[] {
  const policy = d.terms.policy;
  const fractions = policy['reminderFractions'];
  const before = policy['reminderWorkingDaysBefore'];
  let warnAt: readonly string[];
  if (Array.isArray(fractions) && fractions.every((f) => typeof f === 'number' && f > 0 && f < 1)) warnAt = calendar.warnInstants(from, dueAt, fractions as number[]);
  else if (typeof before === 'number' && Number.isInteger(before)) warnAt = before >= 1 ? [calendar.workingDayBefore(dueAt, before)] : [];
  else warnAt = d.warnAt;
  return [...new Set(warnAt)].filter((w) => Date.parse(w) > Date.parse(now) && Date.parse(w) < Date.parse(dueAt)).sort();
}

/**
 * Recomputes a pending or paused deadline on `calendar` from its own basis (core `DeadlineState.basis`):
 * the working time it was granted, counted from its start or its last resume, exactly as
 * `addWorkingDays` / `StopClock.resume` counted it. A paused deadline keeps the time it used; only
 * that used time is measured again, its dueAt stays (it runs again on resume). Null when the
 * deadline has no working-day basis (nothing to recompute).
 */
export function recomputedTerms(calendar: WorkingCalendar, d: DeadlineState, now: string): RecomputedTerms | null {
  if (!d.basis || (d.status !== 'pending' && d.status !== 'paused')) return null;
  const { from, budgetMs } = d.basis;
  const countFrom = Math.max(Date.parse(from), countingStartsAt(d.terms.startedAt));
  if (d.status === 'paused') {
    const pausedAt = d.pausedAt ?? now;
    const used = Date.parse(pausedAt) > countFrom ? calendar.workingMs(countFrom, Date.parse(pausedAt)) : 0;
    const version = Date.parse(pausedAt) > Date.parse(from) ? calendar.versionBetween(from, pausedAt) : calendar.version;
    return { dueAt: d.dueAt, warnAt: [], calendarVersion: version, remainingMs: Math.max(0, budgetMs - used) };
  }
  const dueAt = new Date(calendar.addWorkingMs(countFrom, budgetMs) - 1).toISOString();
  return { dueAt, warnAt: reminders(calendar, d, from, dueAt, now), calendarVersion: calendar.versionBetween(from, dueAt), remainingMs: null };
}
