import { DomainError, shanghaiDate } from '@bihuan/core';
import { WorkingCalendar } from '@bihuan/calendar';
import type { CommandContext } from '@bihuan/platform';
import { currentDeadline, DeadlineWindow, ExistingFinding, InspectionPolicy, RecheckOutcome, RequiredAction } from '../domain';

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
  if (DATE_ONLY.test(value) && shanghaiDate(new Date(ms).toISOString()) !== value) {
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
export function windowUntil(
  calendar: WorkingCalendar,
  policy: InspectionPolicy,
  now: string,
  dueAt: string,
  extra: Record<string, unknown> = {},
): DeadlineWindow {
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
export function rectifyWindow(
  calendar: WorkingCalendar,
  policy: InspectionPolicy,
  now: string,
  requiredAction: RequiredAction,
  dueAt?: string,
): DeadlineWindow {
  if (dueAt) return windowUntil(calendar, policy, now, dueAt, { requiredAction, chosenByInspector: true });
  return workingDayWindow(calendar, policy, now, policy.rectifyWorkingDays[requiredAction], { requiredAction });
}

/**
 * The re-check (回头看) deadline: the end of the Shanghai day `recheck.afterCalendarDays` calendar
 * days after sign-off (or a chosen date); calendar days, so `workingDays: 0`.
 */
export function recheckWindow(calendar: WorkingCalendar, policy: InspectionPolicy, now: string, dueAt?: string): DeadlineWindow {
  const days = policy.recheck.afterCalendarDays;
  const due =
    dueAt ?? new Date(Date.parse(`${calendar.localDate(new Date(Date.parse(now) + days * 86_400_000))}T23:59:59.999+08:00`)).toISOString();
  return {
    startedAt: now,
    dueAt: due,
    workingDays: 0,
    calendarVersion: calendar.version,
    warnAt: [],
    policy: { afterCalendarDays: days, chosen: dueAt !== undefined },
  };
}

/**
 * The deadlines the finding's requests carry, computed on the finding's state with the calendar,
 * policy and instant of the write (`CommandContext`): pure, so they are computed again on a retry.
 */
type Context = CommandContext<InspectionPolicy>;

/** 整改通知书: `rectifyWorkingDays[requiredAction]`, or until the inspector's `dueDate`. */
export function noticeDeadline(state: ExistingFinding, ctx: Context, dueDate?: string): DeadlineWindow {
  const due = dueDate === undefined ? undefined : parseDueInput(dueDate, 'dueDate', ctx.now);
  return rectifyWindow(ctx.calendar, ctx.policy, ctx.now, state.finding.requiredAction, due);
}

/** 销号: a re-check (回头看) when the severity requires it, or on request (`recheck` / `recheckDueDate`). */
export function signOffRecheck(state: ExistingFinding, ctx: Context, recheck?: boolean, recheckDueDate?: string): DeadlineWindow | null {
  const due = recheckDueDate === undefined ? undefined : parseDueInput(recheckDueDate, 'recheckDueDate', ctx.now);
  const wanted = ctx.policy.recheck.mandatoryFor.includes(state.finding.severity) || recheck === true || due !== undefined;
  return wanted ? recheckWindow(ctx.calendar, ctx.policy, ctx.now, due) : null;
}

/** 回头看: `reopened` starts a new round with a notice's deadline (or until `dueDate`). */
export function reopeningDeadline(state: ExistingFinding, ctx: Context, outcome: RecheckOutcome, dueDate?: string): DeadlineWindow | null {
  return outcome === 'reopened' ? noticeDeadline(state, ctx, dueDate) : null;
}

/**
 * 延期 approved: the current deadline moves to `dueDate`, or `workingDays` working days after its
 * current due date (or after now, if that has passed), or else to the date requested. Without that
 * pending extension or a current deadline the window is empty: the decider gives the precise
 * refusal (role, EXTENSION_NOT_FOUND, NO_ACTIVE_DEADLINE …).
 */
export function extensionDeadline(
  state: ExistingFinding,
  ctx: Context,
  approval: { extensionId: string; workingDays?: number; dueDate?: string },
): DeadlineWindow {
  const { calendar, policy, now } = ctx;
  const pending = state.rectification.pendingExtension;
  const current = currentDeadline(state);
  if (!pending || pending.extensionId !== approval.extensionId || !current) {
    return { startedAt: now, dueAt: now, workingDays: 0, calendarVersion: calendar.version, warnAt: [], policy: {} };
  }
  const base = current.dueAt > now ? current.dueAt : now;
  const field = approval.workingDays !== undefined ? 'workingDays' : 'dueDate';
  const dueAt =
    approval.workingDays !== undefined
      ? calendar.addWorkingDays(base, approval.workingDays).dueAt
      : approval.dueDate !== undefined
        ? parseDueInput(approval.dueDate, 'dueDate', now)
        : pending.requestedDueAt;
  if (dueAt <= current.dueAt) {
    throw DomainError.invalid(
      'INSPECTION.DEADLINE_INVALID',
      field,
      `${field}: the new due date must be after the current one (${current.dueAt})`,
    );
  }
  const granted = approval.workingDays ?? calendar.workingDaysBetween(base, dueAt);
  if (granted > policy.extensions.maxWorkingDays) {
    throw new DomainError(
      'INSPECTION.EXTENSION_TOO_LONG',
      `at most ${policy.extensions.maxWorkingDays} working days may be granted (asked: ${granted})`,
      'validation',
      { field },
    );
  }
  const window = windowUntil(calendar, policy, now, dueAt, { extensionId: pending.extensionId, grantedWorkingDays: granted });
  return { ...window, workingDays: granted };
}
