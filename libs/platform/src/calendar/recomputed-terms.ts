import { DeadlineState } from '@bihuan/core';
import { WorkingCalendar, countingStartsAt } from '@bihuan/calendar';

/** What a deadline becomes on another calendar: the data of a `RecomputeDeadline` command. */
export interface RecomputedTerms {
  readonly dueAt: string;
  readonly warnAt: string[];
  readonly calendarVersion: string;
  readonly remainingMs: number | null;
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
  if (Array.isArray(fractions) && fractions.every((f) => typeof f === 'number' && f > 0 && f < 1))
    warnAt = calendar.warnInstants(from, dueAt, fractions as number[]);
  else if (typeof before === 'number' && Number.isInteger(before)) warnAt = before >= 1 ? [calendar.workingDayBefore(dueAt, before)] : [];
  else warnAt = d.warnAt;
  return [...new Set(warnAt)].filter((w) => Date.parse(w) > Date.parse(now) && Date.parse(w) < Date.parse(dueAt)).sort();
}

/**
 * Recomputes a pending or paused deadline on `calendar` from its own basis (core `DeadlineState.basis`):
 * the working time it was granted, counted from its start or its last resume, exactly as
 * `addWorkingDays` / `StopClock.resume` counted it, then the working days extensions (延期) added
 * past that date, as `addWorkingDays` counted them. A paused deadline keeps the time it used; only
 * the time it has left is measured again, its dueAt stays (it runs again on resume). Null when the
 * deadline has no working-day basis (nothing to recompute).
 */
export function recomputedTerms(calendar: WorkingCalendar, d: DeadlineState, now: string): RecomputedTerms | null {
  if (!d.basis || (d.status !== 'pending' && d.status !== 'paused')) return null;
  const { from, budgetMs, extraWorkingDays } = d.basis;
  const countFrom = Math.max(Date.parse(from), countingStartsAt(d.terms.startedAt));
  const baseDueAt = new Date(calendar.addWorkingMs(countFrom, budgetMs) - 1).toISOString();
  const dueAt = extraWorkingDays > 0 ? calendar.addWorkingDays(baseDueAt, extraWorkingDays).dueAt : baseDueAt;
  if (d.status === 'paused') {
    const pausedAt = Date.parse(d.pausedAt ?? now);
    const remainingMs = calendar.workingMs(Math.max(pausedAt, countFrom), Date.parse(dueAt) + 1);
    const version = pausedAt > Date.parse(from) ? calendar.versionBetween(from, new Date(pausedAt).toISOString()) : calendar.version;
    return { dueAt: d.dueAt, warnAt: [], calendarVersion: version, remainingMs };
  }
  return {
    dueAt,
    warnAt: reminders(calendar, d, from, dueAt, now),
    calendarVersion: calendar.versionBetween(from, dueAt),
    remainingMs: null,
  };
}
