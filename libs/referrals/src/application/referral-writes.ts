import { CaseWrite, PolicySource } from '@bihuan/platform';
import { DEFAULT_REFERRAL_POLICY, ReferralPolicy } from '../domain/referral-policy';
import { ReferralCommand } from '../domain/referral/referral.commands';
import { REFERRAL_CATEGORY, referralDecider } from '../domain/referral/referral.decider';
import { ReferralEvent } from '../domain/referral/referral.events';
import { ReferralState } from '../domain/referral/referral.state';

/** The policy every referral write is decided under: `policy-referrals` overrides on the defaults. */
export const REFERRALS_POLICY_CONTEXT = 'referrals';
export const REFERRALS_POLICY: PolicySource<ReferralPolicy> = { context: REFERRALS_POLICY_CONTEXT, defaults: DEFAULT_REFERRAL_POLICY };

export type ReferralWrite = CaseWrite<ReferralCommand, ReferralEvent, ReferralState, ReferralPolicy>;

/** One write to `referral-<referralId>` (the API's and the worker's alike). */
export function referralWrite(referralId: string, build: ReferralWrite['build'], authorize?: ReferralWrite['authorize']): ReferralWrite {
  return {
    category: REFERRAL_CATEGORY,
    id: referralId,
    decider: referralDecider,
    policy: REFERRALS_POLICY,
    ...(authorize ? { authorize } : {}),
    build,
  };
}
