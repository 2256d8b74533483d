import { shanghaiDayStartMs } from '@bihuan/core';
import { WorkingCalendar } from '@bihuan/calendar';
import { nextDay } from '../../domain/campaign-days';
import { ReportRecurrence } from '../../domain/campaign-values';
import { ReportingPolicy } from '../../domain/duty/report-duty-policy';
import { DutyDeadlineWindow, ReportDutyFacts } from '../../domain/duty/report-duty.messages';

/**
 * The due instants and deadline windows of reporting duties, computed with the working-day
 * calendar and the reporting policy in force (the deciders have no calendar). Pure functions of
 * their arguments, so the sender and the handlers compute the same terms on a retry.
 */

/** A run of days off longer than this is a calendar fault, not a holiday (春节 and 国庆 are 8–9 days). */
const MAX_DAYS_OFF = 31;

/**
 * The day a report falls due: a fixed day as the notice gives it ("2月28日前" is 28 February,
 * whatever kind of day it is); a recurring one (a month's or a quarter's end) on the first working
 * day on or after it — a period's last day that falls on a weekend or holiday moves to the day
 * after the days off, as 《民法典》第二百零三条 counts the end of a period.
 */
export function dutyDueDay(calendar: Pick<WorkingCalendar, 'isWorkingDay'>, dueOn: string, recurrence: ReportRecurrence | null): string {
  if (recurrence === null) return dueOn;
  let day = dueOn;
  for (let i = 0; i < MAX_DAYS_OFF && !calendar.isWorkingDay(day); i += 1) day = nextDay(day);
  return day;
}

/** The end of a Shanghai day (23:59:59.999+08:00) as an ISO instant: a thing done that day is on time. */
export function endOfDay(day: string): string {
  return new Date(shanghaiDayStartMs(nextDay(day)) - 1).toISOString();
}

/** Reminders at the policy's fractions of the working time from `from` to the end of `dueAt`, only those after `now`. */
function reminders(calendar: WorkingCalendar, policy: ReportingPolicy, fromMs: number, dueAt: string, now: string): string[] {
  const due = Date.parse(dueAt);
  if (fromMs >= due) return [];
  return calendar.fractionInstants(fromMs, due + 1, 0, policy.reminderFractions).filter((w) => w > now && w < dueAt);
}

/**
 * The due deadline of a duty assigned (or returned before its due instant) at `now`: until its due
 * instant, reminders over its reporting window (from the day its period opens, or `now` if later).
 * A date the notice set, so `chosen` (not recomputed when the official calendar year arrives).
 * Null once the due instant has passed: nothing to arm, the report is simply late.
 */
export function dueWindow(
  calendar: WorkingCalendar,
  policy: ReportingPolicy,
  now: string,
  duty: Pick<ReportDutyFacts, 'dueOn' | 'opensOn' | 'dueAt'>,
): DutyDeadlineWindow | null {
  if (Date.parse(duty.dueAt) <= Date.parse(now)) return null;
  const from = Math.max(Date.parse(now), shanghaiDayStartMs(duty.opensOn));
  return {
    startedAt: now,
    dueAt: duty.dueAt,
    workingDays: calendar.workingDaysBetween(now, duty.dueAt),
    calendarVersion: calendar.versionBetween(now, duty.dueAt),
    warnAt: reminders(calendar, policy, from, duty.dueAt, now),
    policy: { dueOn: duty.dueOn, opensOn: duty.opensOn, reminderFractions: [...policy.reminderFractions], chosen: true },
  };
}

/** `n` working days from the day after `now` (a resubmission, a rung of the ladder), reminders at the policy's fractions. */
export function workingDayWindow(
  calendar: WorkingCalendar,
  policy: ReportingPolicy,
  now: string,
  workingDays: number,
  extra: Record<string, unknown> = {},
): DutyDeadlineWindow {
  const { dueAt, calendarVersion } = calendar.addWorkingDays(now, workingDays);
  const warnAt = calendar.warnInstants(now, dueAt, policy.reminderFractions).filter((w) => w > now && w < dueAt);
  return {
    startedAt: now,
    dueAt,
    workingDays,
    calendarVersion,
    warnAt,
    policy: { ...extra, workingDays, reminderFractions: [...policy.reminderFractions] },
  };
}

/** The deadline of the round a return starts: the due instant again while it is ahead, else the resubmission's working days. */
export function returnWindow(
  calendar: WorkingCalendar,
  policy: ReportingPolicy,
  now: string,
  duty: Pick<ReportDutyFacts, 'dueOn' | 'opensOn' | 'dueAt'>,
): DutyDeadlineWindow {
  return dueWindow(calendar, policy, now, duty) ?? workingDayWindow(calendar, policy, now, policy.resubmitWorkingDays, { resubmit: true });
}
