import { EVIDENCE_STEP_WORDS } from '@bihuan/core';

/**
 * The closed word lists of referrals (移交) and leads (交办线索), domain.md §6: a case goes from a
 * health commission to a partner agency with its case file, is acknowledged and answered there;
 * leads come back as complaint tickets. Codes are English and stored in events; labels are for people.
 */

/** The cases a commission refers: a finding (问题), a complaint ticket (投诉), a staff member's ethics archive (医德档案). */
export const REFERRAL_SOURCE_CATEGORIES = ['finding', 'complaintTicket', 'ethicsArchive'] as const;
export type ReferralSourceCategory = (typeof REFERRAL_SOURCE_CATEGORIES)[number];

export const REFERRAL_SOURCE_LABELS: Readonly<Record<ReferralSourceCategory, string>> = {
  finding: '问题',
  complaintTicket: '投诉',
  ethicsArchive: '医德档案',
};

/** Where a referral stands: 已移交 → 已签收 → 已反馈 → 已办结. */
export const REFERRAL_STATUSES = ['referred', 'acknowledged', 'answered', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  referred: '已移交',
  acknowledged: '已签收',
  answered: '已反馈',
  closed: '已办结',
};

/** What the agency did with it (处理结果): 立案 / 不予立案 / 给予处分或处理 / 移送其他机关 / 其他. */
export const REFERRAL_OUTCOMES = ['case-opened', 'not-opened', 'sanctioned', 'transferred', 'other'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_OUTCOME_LABELS: Readonly<Record<ReferralOutcome, string>> = {
  'case-opened': '立案',
  'not-opened': '不予立案',
  sanctioned: '给予处分或处理',
  transferred: '移送其他机关',
  other: '其他',
};

/** A lead (交办线索) from an agency: 已提交, then 已登记为投诉 once its complaint ticket is received. */
export const LEAD_STATUSES = ['submitted', 'registered'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Readonly<Record<LeadStatus, string>> = {
  submitted: '已提交',
  registered: '已登记为投诉',
};

/** What the files of a referral are: the case file sent with it (案卷), the agency's answer documents. */
export const REFERRAL_EVIDENCE_STEPS = ['referralDossier', 'referralOutcome'] as const;
export type ReferralEvidenceStep = (typeof REFERRAL_EVIDENCE_STEPS)[number];

export const REFERRAL_EVIDENCE_STEP_LABELS: Readonly<Record<ReferralEvidenceStep, string>> = {
  referralDossier: EVIDENCE_STEP_WORDS.referralDossier,
  referralOutcome: EVIDENCE_STEP_WORDS.referralOutcome,
};

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
