import { WorkingCalendar, countingStartsAt } from '@bihuan/calendar';
import { ClockTerms, ComplaintPolicy, RescheduleTerms } from '../domain/complaint-policy';

/**
 * Working-day arithmetic the decider leaves to the application layer (docs/events/complaints.md,
 * "What the application layer computes"). Pure functions of a calendar, a policy and instants, so
 * handlers and the wake-up sender compute the same terms from the same inputs.
 */

/** Reminder (催办) instants: `reminderWorkingDaysBefore` working days before dueAt, if after `after`. */
export function reminderInstants(calendar: WorkingCalendar, policy: ComplaintPolicy, dueAt: string, after: string): string[] {
  const n = policy.reminderWorkingDaysBefore;
  if (n < 1) return [];
  const warn = calendar.workingDayBefore(dueAt, n);
  return Date.parse(warn) > Date.parse(after) && Date.parse(warn) < Date.parse(dueAt) ? [warn] : [];
}

/** n working days counted from the day after `startedAt`, with the policy's reminder. */
export function clockTerms(
  calendar: WorkingCalendar,
  policy: ComplaintPolicy,
  startedAt: string,
  workingDays: number,
  now: string,
): ClockTerms {
  const { dueAt, calendarVersion } = calendar.addWorkingDays(startedAt, workingDays);
  return { startedAt, dueAt, workingDays, calendarVersion, warnAt: reminderInstants(calendar, policy, dueAt, now) };
}

/**
 * 停表: the WORKING milliseconds a running deadline has left at `now` (StopClock.pause semantics:
 * only time inside working days counts, and nothing before counting started).
 */
export function remainingWorkingMs(
  calendar: WorkingCalendar,
  deadline: { readonly startedAt: string; readonly dueAt: string },
  now: string,
): number {
  const from = Math.max(Date.parse(now), countingStartsAt(deadline.startedAt));
  return calendar.workingMs(from, Date.parse(deadline.dueAt) + 1);
}

/**
 * 恢复: the new due date once the remaining working time runs again from `now` (StopClock.resume:
 * dueAt is inclusive, one ms before the budget is used up). A clock with nothing left falls due
 * one second after the resume, so the overdue path runs rather than an invalid schedule.
 */
export function resumeTerms(
  calendar: WorkingCalendar,
  policy: ComplaintPolicy,
  startedAt: string,
  remainingMs: number,
  now: string,
): RescheduleTerms {
  const since = Math.max(Date.parse(now), countingStartsAt(startedAt));
  const due = Math.max(calendar.addWorkingMs(since, Math.max(0, remainingMs)) - 1, Date.parse(now) + 1000);
  const dueAt = new Date(due).toISOString();
  return { dueAt, warnAt: reminderInstants(calendar, policy, dueAt, now), calendarVersion: calendar.versionBetween(now, dueAt) };
}

/** 延期: the answer deadline moved `extraWorkingDays` working days past its current due date. */
export function extendedTerms(
  calendar: WorkingCalendar,
  policy: ComplaintPolicy,
  currentDueAt: string,
  extraWorkingDays: number,
  now: string,
): RescheduleTerms {
  const { dueAt, calendarVersion } = calendar.addWorkingDays(currentDueAt, extraWorkingDays);
  return { dueAt, warnAt: reminderInstants(calendar, policy, dueAt, now), calendarVersion };
}
