import { DeadlineTerms } from '@bihuan/core';
import { inspectionError } from './inspection-errors';
import { InspectionPolicy, policyStamp } from './inspection-policy';
import { EscalationRung } from './inspection-values';

/**
 * A deadline as the application layer computes it from the policy and the working-day calendar:
 * DeadlineTerms without `deadlineId` and `purpose`, which the decider assigns so that ids stay
 * unique in the stream and the caller cannot mislabel a clock. `policy` may carry what the
 * computation used (e.g. `{ workingDays: 15, reminderFractions: [0.5, 0.8] }`); the decider adds
 * `policyVersion`.
 */
export type DeadlineWindow = Omit<DeadlineTerms, 'deadlineId' | 'purpose'>;

/** What a finding's deadline is for; stored as DeadlineTerms.purpose. */
export type FindingDeadlinePurpose = 'rectify' | 'recheck' | `escalation-${EscalationRung}`;

/**
 * Deadline ids, unique within a finding's stream. Round 1 is the first rectification; each reopening
 * (反弹) starts a new round so the ids of earlier rounds stay on the record untouched:
 * `rectify`, `escalation.summons`, `recheck`, then `rectify.r2`, `escalation.summons.r2`, …
 */
export function findingDeadlineId(purpose: FindingDeadlinePurpose, round: number): string {
  const base = purpose.startsWith('escalation-') ? `escalation.${purpose.slice('escalation-'.length)}` : purpose;
  return round <= 1 ? base : `${base}.r${round}`;
}

function instant(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** Throws unless the window is well-formed and falls due after `now`. */
export function assertWindow(window: DeadlineWindow, now: string, field: string): void {
  const started = instant(window.startedAt);
  const due = instant(window.dueAt);
  if (Number.isNaN(due) || Number.isNaN(started)) {
    throw inspectionError('DEADLINE_INVALID', `${field}: startedAt and dueAt must be ISO-8601 instants`, field);
  }
  if (due <= Date.parse(now)) {
    throw inspectionError('DEADLINE_IN_PAST', `${field}: dueAt ${window.dueAt} is not after now (${now})`, `${field}.dueAt`);
  }
  if (started > due) throw inspectionError('DEADLINE_INVALID', `${field}: startedAt is after dueAt`, field);
  const warnAt = Array.isArray(window.warnAt) ? window.warnAt : null;
  if (!warnAt || warnAt.some((w) => Number.isNaN(instant(w)) || instant(w) < started || instant(w) >= due)) {
    throw inspectionError('DEADLINE_INVALID', `${field}: every warnAt must lie between startedAt and dueAt`, `${field}.warnAt`);
  }
  if (!Number.isInteger(window.workingDays) || window.workingDays < 0) {
    throw inspectionError('DEADLINE_INVALID', `${field}: workingDays must be a whole number ≥ 0`, `${field}.workingDays`);
  }
  if (typeof window.calendarVersion !== 'string' || window.calendarVersion.length === 0) {
    throw inspectionError('DEADLINE_INVALID', `${field}: calendarVersion is required`, `${field}.calendarVersion`);
  }
}

/** Names a validated window and stamps the policy version on it. */
export function toTerms(purpose: FindingDeadlinePurpose, round: number, window: DeadlineWindow, policy: InspectionPolicy): DeadlineTerms {
  return {
    deadlineId: findingDeadlineId(purpose, round),
    purpose,
    startedAt: window.startedAt,
    dueAt: window.dueAt,
    workingDays: window.workingDays,
    calendarVersion: window.calendarVersion,
    warnAt: [...window.warnAt],
    policy: policyStamp(policy, window.policy ?? {}),
  };
}

/** True when `a` is strictly before `b` (ISO-8601 instants). */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
