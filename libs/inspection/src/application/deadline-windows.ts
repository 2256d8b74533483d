import { DomainError } from '@bihuan/core';
import { WorkingCalendar } from '@bihuan/calendar';
import { DeadlineWindow, InspectionPolicy, RequiredAction } from '../domain';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A due date as people give it: `YYYY-MM-DD` means the end of that day in Asia/Shanghai (a thing
 * done that day is on time), an ISO instant with offset means itself. Returns the UTC ISO form the
 * deadline events record, or throws a 400 naming the field (invalid, or not after `now`).
 */
export function parseDueInput(value: string, field: string, now: string): string {
  const text = DATE_ONLY.test(value) ? `${value}T23:59:59.999+08:00` : value;
  const ms = INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw DomainError.invalid('INSPECTION.DATE_INVALID', field, `${field} must be a date (YYYY-MM-DD) or an ISO-8601 instant with offset`);
  }
  if (DATE_ONLY.test(value) && new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10) !== value) {
    throw DomainError.invalid('INSPECTION.DATE_INVALID', field, `${field}: no such date ${value}`);
  }
  if (ms <= Date.parse(now)) {
    throw DomainError.invalid('INSPECTION.DEADLINE_IN_PAST', field, `${field} (${value}) must be after now (${now})`);
  }
  return new Date(ms).toISOString();
}

/** A working-day window counted from the day after `now` (domain.md: "from the day after"). */
export function workingDayWindow(
  calendar: WorkingCalendar,
  policy: InspectionPolicy,
  now: string,
  workingDays: number,
  extra: Record<string, unknown> = {},
): DeadlineWindow {
  const { dueAt, calendarVersion } = calendar.addWorkingDays(now, workingDays);
  return windowTo(calendar, policy, now, dueAt, workingDays, calendarVersion, extra);
}

/** A window ending at a given instant (an inspector's chosen date); workingDays as counted by the calendar. */
export function windowUntil(calendar: WorkingCalendar, policy: InspectionPolicy, now: string, dueAt: string, extra: Record<string, unknown> = {}): DeadlineWindow {
  return windowTo(calendar, policy, now, dueAt, calendar.workingDaysBetween(now, dueAt), calendar.versionBetween(now, dueAt), extra);
}

function windowTo(
  calendar: WorkingCalendar,
  policy: InspectionPolicy,
  now: string,
  dueAt: string,
  workingDays: number,
  calendarVersion: string,
  extra: Record<string, unknown>,
): DeadlineWindow {
  const warnAt = calendar.warnInstants(now, dueAt, policy.reminderFractions).filter((w) => w >= now && w < dueAt);
  return {
    startedAt: now,
    dueAt,
    workingDays,
    calendarVersion,
    warnAt,
    policy: { ...extra, workingDays, reminderFractions: [...policy.reminderFractions] },
  };
}

/** The rectification deadline of a notice or a reopening: `rectifyWorkingDays[requiredAction]`, or a chosen date. */
export function rectifyWindow(calendar: WorkingCalendar, policy: InspectionPolicy, now: string, requiredAction: RequiredAction, dueAt?: string): DeadlineWindow {
  if (dueAt) return windowUntil(calendar, policy, now, dueAt, { requiredAction, chosenByInspector: true });
  return workingDayWindow(calendar, policy, now, policy.rectifyWorkingDays[requiredAction], { requiredAction });
}

/**
 * The re-check (回头看) deadline: the end of the Shanghai day `recheck.afterCalendarDays` calendar
 * days after sign-off (or a chosen date); calendar days, so `workingDays: 0`.
 */
export function recheckWindow(calendar: WorkingCalendar, policy: InspectionPolicy, now: string, dueAt?: string): DeadlineWindow {
  const days = policy.recheck.afterCalendarDays;
  const due = dueAt ?? new Date(Date.parse(`${calendar.localDate(new Date(Date.parse(now) + days * 86_400_000))}T23:59:59.999+08:00`)).toISOString();
  return { startedAt: now, dueAt: due, workingDays: 0, calendarVersion: calendar.version, warnAt: [], policy: { afterCalendarDays: days, chosen: dueAt !== undefined } };
}
