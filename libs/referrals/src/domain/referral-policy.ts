import { DeadlineTerms } from '@bihuan/core';
import { referralError } from './referral-errors';

/**
 * The numbers of the referral loop as a deployment setting (`policy-referrals`, domain.md: "a
 * default is a policy setting"). Seeds 000 and 004 ask for referrals 及时 without a number, so the
 * default is this project's: three working days for the agency to acknowledge, a reminder half way.
 */
export interface ReferralPolicy {
  readonly policyVersion: string;
  /** 签收 limit in working days, counted from the day after the referral. */
  readonly acknowledgeWorkingDays: number;
  /** Reminders (催办) at these fractions of the acknowledgement time (0 < f < 1). */
  readonly reminderFractions: readonly number[];
}

export const DEFAULT_REFERRAL_POLICY: ReferralPolicy = Object.freeze({
  policyVersion: 'referrals-default@1',
  acknowledgeWorkingDays: 3,
  reminderFractions: Object.freeze([0.5]),
});

/**
 * A deadline as the application layer computes it with the calendar: DeadlineTerms without the
 * parts the domain owns (deadlineId, purpose, policy).
 */
export type ReferralClockTerms = Omit<DeadlineTerms, 'deadlineId' | 'purpose' | 'policy'>;

/** The acknowledgement deadline's id in the referral's book of deadlines. */
export const ACKNOWLEDGE_DEADLINE = 'agency-acknowledge';

/** Throws REFERRAL.INVALID_TERMS unless the terms are a deadline the policy grants, after `now`. */
export function assertAcknowledgeTerms(terms: ReferralClockTerms | undefined, policy: ReferralPolicy, now: string): ReferralClockTerms {
  const valid =
    !!terms &&
    typeof terms.calendarVersion === 'string' &&
    terms.calendarVersion.length > 0 &&
    terms.workingDays === policy.acknowledgeWorkingDays &&
    !Number.isNaN(Date.parse(terms.dueAt)) &&
    Date.parse(terms.dueAt) > Date.parse(now) &&
    Array.isArray(terms.warnAt) &&
    terms.warnAt.every((w) => !Number.isNaN(Date.parse(w)) && Date.parse(w) < Date.parse(terms.dueAt));
  if (!valid)
    throw referralError('INVALID_TERMS', 'The acknowledgement deadline does not match the referral policy', { field: 'acknowledge' });
  return terms;
}
