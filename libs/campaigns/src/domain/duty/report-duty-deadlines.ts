import { DeadlineCleared, DeadlineSet, DeadlineTerms } from '@bihuan/core';
import { campaignError } from '../campaign-errors';
import { ReportingPolicy } from './report-duty-policy';
import { DutyDeadlineWindow } from './report-duty.messages';
import { ExistingReportDuty, openDutyDeadlines } from './report-duty.state';

/** What a duty's deadline is for; stored as DeadlineTerms.purpose. */
export type DutyDeadlinePurpose = 'report-due' | 'report-resubmit' | `escalation-${string}`;

const instant = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/**
 * A window as the application computed it: well-formed, falling due after `now` (and, where the
 * duty's due instant is meant, exactly then), reminders inside it. Else 400 DUTY_DEADLINE_INVALID
 * naming `field`: a wiring fault, never a person's input.
 */
export function acceptWindow(window: DutyDeadlineWindow | null | undefined, now: string, field: string): DutyDeadlineWindow {
  if (!window) throw campaignError('DUTY_DEADLINE_REQUIRED', `${field}: the deadline's window is required`, field);
  const [started, due] = [instant(window.startedAt), instant(window.dueAt)];
  const fail = (why: string) => campaignError('DUTY_DEADLINE_INVALID', `${field}: ${why}`, field);
  if (Number.isNaN(started) || Number.isNaN(due)) throw fail('startedAt and dueAt must be ISO-8601 instants');
  if (due <= instant(now)) throw fail(`dueAt ${window.dueAt} is not after now (${now})`);
  if (!Array.isArray(window.warnAt) || window.warnAt.some((w) => Number.isNaN(instant(w)) || instant(w) >= due)) {
    throw fail('every warnAt must be an instant before dueAt');
  }
  if (!Number.isInteger(window.workingDays) || window.workingDays < 0) throw fail('workingDays must be a whole number ≥ 0');
  if (typeof window.calendarVersion !== 'string' || window.calendarVersion.length === 0) throw fail('calendarVersion is required');
  return window;
}

/** Names a window and stamps the policy version on it. */
export function dutyDeadlineSet(
  deadlineId: string,
  purpose: DutyDeadlinePurpose,
  window: DutyDeadlineWindow,
  policy: ReportingPolicy,
): DeadlineSet {
  const terms: DeadlineTerms = {
    deadlineId,
    purpose,
    startedAt: window.startedAt,
    dueAt: window.dueAt,
    workingDays: window.workingDays,
    calendarVersion: window.calendarVersion,
    warnAt: [...window.warnAt],
    policy: { ...window.policy, policyVersion: policy.policyVersion },
  };
  return { type: 'DeadlineSet', data: terms };
}

/** DeadlineCleared for every deadline still running: the report was handed in (`met`) or is no longer owed. */
export function clearDutyDeadlines(state: ExistingReportDuty, outcome: 'met' | 'cancelled', now: string): DeadlineCleared[] {
  return openDutyDeadlines(state.deadlines).map((deadlineId) => ({
    type: 'DeadlineCleared',
    data: { deadlineId, clearedAt: now, outcome },
  }));
}
