import { DeadlineTerms } from '@bihuan/core';
import { complaintError } from './complaint-errors';
import { ComplaintComplexity } from './complaint-vocabulary';

/**
 * The time limits of the complaint loop as a deployment setting (domain.md §2). Pure data: the
 * application layer loads the policy in force, computes working-day due dates with the calendar,
 * and passes both in the command; the decider checks that the terms match the policy and records
 * the policy on the DeadlineSet it produces (and its `policyVersion` on the domain event).
 */
export interface ComplaintPolicy {
  /** Identifies this setting on the record, e.g. `cn-default-2025.1` or `shandong-weihai-2024.2`. */
  readonly policyVersion: string;
  /** 签收 limit in working days, counted from the day after receipt. Default 1. */
  readonly acknowledgeWorkingDays: number;
  /** 反馈 limit in working days from the day after receipt: 5 simple / 10 complex by default. */
  readonly answerWorkingDays: Readonly<Record<ComplaintComplexity, number>>;
  /** 催办: a reminder this many working days before each due date. Default 1. */
  readonly reminderWorkingDaysBefore: number;
  /** 督办 deadline: still open this many working days after supervision → 通报. Default 5. */
  readonly publicNoticeWorkingDaysAfterSupervision: number;
  /** Files the complainant may attach to one ticket through the public entry (staff are not capped). Default 9. */
  readonly maxComplainantFiles: number;
}

/** Defaults from domain.md §2. */
export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = Object.freeze({
  policyVersion: 'cn-default-1',
  acknowledgeWorkingDays: 1,
  answerWorkingDays: Object.freeze({ simple: 5, complex: 10 }),
  reminderWorkingDaysBefore: 1,
  publicNoticeWorkingDaysAfterSupervision: 5,
  maxComplainantFiles: 9,
});

/**
 * A deadline as the application layer computes it: `DeadlineTerms` without the parts the domain
 * owns (deadlineId, purpose, policy). `startedAt` is the instant counting starts from (receipt for
 * the first dispatch, the re-dispatch / reopen / supervision instant otherwise); `dueAt` and `warnAt`
 * come from the working-day calendar whose version is `calendarVersion`.
 */
export type ClockTerms = Omit<DeadlineTerms, 'deadlineId' | 'purpose' | 'policy'>;

/** New due date for a resumed (停表后恢复) or extended deadline, computed by the application layer. */
export interface RescheduleTerms {
  readonly dueAt: string;
  readonly warnAt: readonly string[];
  readonly calendarVersion: string;
}

/** Which working-day count of the policy a clock must match. */
export type ComplaintClockPurpose = 'acknowledge' | 'answer' | 'supervision';

/** The working days the policy grants for a clock. */
export function workingDaysFor(
  policy: ComplaintPolicy,
  purpose: ComplaintClockPurpose,
  complexity: ComplaintComplexity = 'simple',
): number {
  switch (purpose) {
    case 'acknowledge':
      return policy.acknowledgeWorkingDays;
    case 'answer':
      return policy.answerWorkingDays[complexity];
    case 'supervision':
      return policy.publicNoticeWorkingDaysAfterSupervision;
  }
}

const positiveInt = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n > 0;
const nonNegativeInt = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Throws COMPLAINT.INVALID_POLICY unless every limit is a positive whole number of working days. */
export function assertValidPolicy(policy: ComplaintPolicy | undefined): ComplaintPolicy {
  const ok =
    !!policy &&
    typeof policy.policyVersion === 'string' &&
    policy.policyVersion.length > 0 &&
    positiveInt(policy.acknowledgeWorkingDays) &&
    !!policy.answerWorkingDays &&
    positiveInt(policy.answerWorkingDays.simple) &&
    positiveInt(policy.answerWorkingDays.complex) &&
    nonNegativeInt(policy.reminderWorkingDaysBefore) &&
    positiveInt(policy.publicNoticeWorkingDaysAfterSupervision);
  if (!ok || !policy) throw complaintError('INVALID_POLICY', 'The complaint policy is incomplete or invalid', { field: 'policy' });
  return policy;
}

const isInstant = (s: unknown): s is string => typeof s === 'string' && !Number.isNaN(Date.parse(s));

/** Throws COMPLAINT.INVALID_TERMS unless dueAt and warnAt are instants with every warning before dueAt. */
export function assertValidSchedule(terms: RescheduleTerms | undefined, field: string, after?: string): RescheduleTerms {
  const valid =
    !!terms &&
    isInstant(terms.dueAt) &&
    Array.isArray(terms.warnAt) &&
    terms.warnAt.every((w) => isInstant(w) && Date.parse(w) < Date.parse(terms.dueAt)) &&
    typeof terms.calendarVersion === 'string' &&
    terms.calendarVersion.length > 0 &&
    (after === undefined || Date.parse(terms.dueAt) > Date.parse(after));
  if (!valid || !terms) throw complaintError('INVALID_TERMS', `${field}: due date, warnings or calendar version are invalid`, { field });
  return terms;
}

/**
 * Checks clock terms against the policy and turns them into full DeadlineTerms with the domain's
 * deadline id and purpose and the policy recorded on them.
 */
export function deadlineTerms(
  deadlineId: string,
  purpose: ComplaintClockPurpose,
  terms: ClockTerms | undefined,
  policy: ComplaintPolicy,
  complexity: ComplaintComplexity = 'simple',
): DeadlineTerms {
  const field = `${purpose}Terms`;
  const schedule = assertValidSchedule(terms, field);
  if (!terms || !isInstant(terms.startedAt) || Date.parse(terms.dueAt) <= Date.parse(terms.startedAt)) {
    throw complaintError('INVALID_TERMS', `${field}: startedAt must be an instant before dueAt`, { field });
  }
  const expected = workingDaysFor(policy, purpose, complexity);
  if (terms.workingDays !== expected) {
    throw complaintError(
      'TERMS_POLICY_MISMATCH',
      `${field}: policy ${policy.policyVersion} grants ${expected} working days, not ${terms.workingDays}`,
      {
        field,
        expected,
      },
    );
  }
  return {
    deadlineId,
    purpose,
    startedAt: terms.startedAt,
    dueAt: schedule.dueAt,
    workingDays: terms.workingDays,
    calendarVersion: schedule.calendarVersion,
    warnAt: [...schedule.warnAt],
    policy: { ...policy, answerWorkingDays: { ...policy.answerWorkingDays } },
  };
}
