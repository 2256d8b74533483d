import { policySender, WorkerContribution } from '@bihuan/platform';
import { REFERRALS_POLICY } from './application/referral-writes';
import { LEAD_CATEGORY, leadDecider } from './domain/lead/lead.decider';
import { REFERRAL_CATEGORY, referralDecider } from './domain/referral/referral.decider';
import { referralsProjection } from './read-models/referrals.projection';

/**
 * The referrals context in the worker: the acknowledgement deadline's wake-ups (reminder, expiry)
 * reach `referral-*` through the write seam with the referral policy in force; `lead-*` is
 * addressable like every case; and the read model is kept. No saga of its own.
 */
export const REFERRALS_WORKER: WorkerContribution = {
  name: 'referrals',
  deciders: [[LEAD_CATEGORY, leadDecider]],
  senders: (deps) => [policySender(deps.commands, REFERRAL_CATEGORY, () => referralDecider, REFERRALS_POLICY)],
  projections: ({ database }) => [referralsProjection(database)],
};
