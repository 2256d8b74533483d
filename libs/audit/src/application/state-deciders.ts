import { AnyDecider, categoryOf, DomainError } from '@bihuan/core';
import { complaintTicketDecider } from '@bihuan/complaints';
import { creditArchiveDecider, creditPointsDecider, creditSubjectDecider } from '@bihuan/credit';
import { campaignDecider, reportDutyDecider } from '@bihuan/campaigns';
import { publicNoticeDecider } from '@bihuan/notices';
import { ethicsArchiveDecider, ethicsEvaluationDecider } from '@bihuan/ethics';
import { findingDecider, visitDecider } from '@bihuan/inspection';
import { leadDecider, referralDecider } from '@bihuan/referrals';

/**
 * The decider whose `evolve` folds each case category's stream into its state. Only `evolve` is
 * used (no decision is taken when reading the past), so the default policies are enough: policy
 * shapes decisions, never the folding of recorded events.
 */
export const AUDIT_STATE_DECIDERS: Readonly<Record<string, AnyDecider>> = Object.freeze({
  finding: findingDecider,
  visit: visitDecider,
  complaintTicket: complaintTicketDecider,
  ethicsArchive: ethicsArchiveDecider(),
  ethicsEvaluation: ethicsEvaluationDecider(),
  creditArchive: creditArchiveDecider(),
  creditPoints: creditPointsDecider(),
  campaign: campaignDecider,
  reportDuty: reportDutyDecider,
  creditSubject: creditSubjectDecider(),
  publicNotice: publicNoticeDecider,
  referral: referralDecider,
  lead: leadDecider,
});

/** The decider for a stream's category; 400 AUDIT.UNKNOWN_CATEGORY naming `stream` otherwise. */
export function stateDeciderFor(stream: string): AnyDecider {
  const category = categoryOf(stream);
  const decider = AUDIT_STATE_DECIDERS[category];
  if (!decider || !stream.includes('-')) {
    throw DomainError.invalid(
      'AUDIT.UNKNOWN_CATEGORY',
      'stream',
      `No case state for stream "${stream}": the category must be one of ${Object.keys(AUDIT_STATE_DECIDERS).join(', ')}`,
    );
  }
  return decider;
}
