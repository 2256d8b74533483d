import { chineseDate, EventSummaries, summaryCatalogue } from '@bihuan/core';
import { AGENCY_TYPES } from '@bihuan/directory';
import { LeadEvent } from '../domain/lead/lead.messages';
import { ACKNOWLEDGE_DEADLINE } from '../domain/referral-policy';
import { ReferralDomainEvent } from '../domain/referral/referral.events';
import { REFERRAL_OUTCOME_LABELS, REFERRAL_SOURCE_LABELS } from '../domain/referral-values';

const AGENCY_WORDS: Readonly<Record<string, string>> = AGENCY_TYPES;
const agency = (type: string): string => AGENCY_WORDS[type] ?? type;

/** A referral (移交) in words; EvidenceAttached and the deadline events are core's. */
export const REFERRAL_SUMMARIES: EventSummaries<ReferralDomainEvent> = {
  ReferralMade: (d, c) =>
    `${c.person(d.referredBy)} 将${REFERRAL_SOURCE_LABELS[d.sourceCategory] ?? d.sourceCategory}移交${c.unit(d.toUnit)}（${agency(d.agencyType)}），附案卷：${d.reason}`,
  ReferralAcknowledged: (d, c) => `${c.person(d.acknowledgedBy)} 签收移交${d.late ? '（已超过签收时限）' : ''}`,
  ReferralOutcomeRecorded: (d, c) =>
    `${c.person(d.recordedBy)} 反馈处理结果：${REFERRAL_OUTCOME_LABELS[d.outcome] ?? d.outcome}，${d.text}${d.evidence.length > 0 ? `（附${d.evidence.length}份材料）` : ''}`,
  ReferralClosed: (d, c) => `${c.person(d.closedBy)} 办结移交（${chineseDate(d.closedAt)}）${d.note ? `：${d.note}` : ''}`,
};

/** A lead (交办线索) in words: never the informant, only what the agency wrote about the case. */
export const LEAD_SUMMARIES: EventSummaries<LeadEvent> = {
  LeadSubmitted: (d, c) =>
    `${c.unit(d.fromUnit)}（${c.person(d.submittedBy)}）向${c.unit(d.toUnit)}交办线索${d.agencyReference ? `（来文编号 ${d.agencyReference}）` : ''}${d.institutionId ? `，涉及 ${c.unit(d.institutionId)}` : ''}`,
  LeadRegistered: (d) => `线索登记为投诉工单，编号 ${d.ticketCode}`,
};

/** `agency-acknowledge` → 移交签收时限. */
export function referralDeadlineName(deadlineId: string): string | null {
  return deadlineId === ACKNOWLEDGE_DEADLINE ? '移交签收时限' : null;
}

export const REFERRALS_SUMMARY_CATALOGUE = summaryCatalogue<ReferralDomainEvent | LeadEvent>(
  'referrals',
  { ...REFERRAL_SUMMARIES, ...LEAD_SUMMARIES },
  { deadlineName: referralDeadlineName },
);
