import { EVIDENCE_STEP_WORDS } from '@bihuan/core';
import { ComplaintEvidenceStep } from './complaint-ticket.evidence';
import { ComplaintTicketStatus } from './complaint-ticket.state';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintComplexity,
  ComplaintDecision,
  DeclineGround,
  FollowUpSource,
  SatisfactionRating,
} from './complaint-vocabulary';

/**
 * The Chinese words of the complaints context, one map per closed word list (complaint-vocabulary.ts):
 * the one home of these labels, served by GET /catalogue and used by the exports. Each map is a
 * `Record` over its code type, so a new code without a label does not compile.
 */

/** 受理渠道. */
export const COMPLAINT_CHANNEL_LABELS: Readonly<Record<ComplaintChannel, string>> = {
  window: '现场窗口',
  hotline: '电话热线',
  web: '网上投诉',
  letter: '来信',
  '12345': '12345热线转办',
  'agency-transfer': '其他部门转办',
};

/** 问题类别 of a complaint. */
export const COMPLAINT_CATEGORY_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  'service-attitude': '服务态度',
  'medical-quality': '医疗质量',
  fees: '收费问题',
  'red-envelopes-kickbacks': '红包回扣',
  'medical-ethics': '医德医风',
  waiting: '候诊排队',
  privacy: '泄露隐私',
  environment: '就医环境',
  other: '其他',
};

/** 处理意见. */
export const COMPLAINT_DECISION_LABELS: Readonly<Record<ComplaintDecision, string>> = {
  substantiated: '属实',
  'partly-substantiated': '部分属实',
  'not-substantiated': '不属实',
};

/** 满意度. */
export const SATISFACTION_RATING_LABELS: Readonly<Record<SatisfactionRating, string>> = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
};

/** 不予受理的理由. */
export const DECLINE_GROUND_LABELS: Readonly<Record<DeclineGround, string>> = {
  litigation: '已进入诉讼程序',
  mediation: '已进入调解程序',
  petition: '已按信访程序办理',
  other: '其他不属于受理范围的情形',
};

/** 办理时限类别. */
export const COMPLAINT_COMPLEXITY_LABELS: Readonly<Record<ComplaintComplexity, string>> = {
  simple: '一般件（单一部门，5个工作日）',
  complex: '复杂件（多部门，10个工作日）',
};

/** Who recorded a follow-up rating. */
export const FOLLOW_UP_SOURCE_LABELS: Readonly<Record<FollowUpSource, string>> = {
  complainant: '投诉人评价',
  'follow-up-call': '电话回访',
};

/** What a file on a ticket belongs to (EvidenceAttached.step), in the words core's summary of it uses. */
export const COMPLAINT_EVIDENCE_STEP_LABELS: Readonly<Record<ComplaintEvidenceStep, string>> = {
  complaint: EVIDENCE_STEP_WORDS.complaint,
  intake: EVIDENCE_STEP_WORDS.intake,
  handling: EVIDENCE_STEP_WORDS.handling,
  followUp: EVIDENCE_STEP_WORDS.followUp,
  supervision: EVIDENCE_STEP_WORDS.supervision,
};

/** Where a ticket stands (ComplaintTicketState.status; `none` is never returned). */
export const COMPLAINT_STATUS_LABELS: Readonly<Record<Exclude<ComplaintTicketStatus, 'none'>, string>> = {
  received: '已受理',
  dispatched: '已转办',
  acknowledged: '已签收',
  decided: '已出具处理意见',
  answered: '已反馈',
  'followed-up': '已回访',
  closed: '已办结',
  declined: '不予受理',
};

/** The timed steps whose on-time rates the statistics count. */
export const COMPLAINT_TIMED_STEPS = ['acknowledge', 'answer'] as const;
export type ComplaintTimedStep = (typeof COMPLAINT_TIMED_STEPS)[number];
export const COMPLAINT_TIMED_STEP_LABELS: Readonly<Record<ComplaintTimedStep, string>> = {
  acknowledge: '签收',
  answer: '反馈',
};

/** The step a complainant sees on the public status page: nothing internal. */
export const PUBLIC_TICKET_STEPS = [
  'received',
  'dispatched',
  'in-progress',
  'awaiting-your-reply',
  'answered',
  'rated',
  'closed',
  'declined',
] as const;
export type PublicTicketStep = (typeof PUBLIC_TICKET_STEPS)[number];
export const PUBLIC_TICKET_STEP_LABELS: Readonly<Record<PublicTicketStep, string>> = {
  received: '已受理',
  dispatched: '已转交医疗机构办理',
  'in-progress': '调查核实中',
  'awaiting-your-reply': '等待您补充材料',
  answered: '已答复',
  rated: '已评价',
  closed: '已办结',
  declined: '不予受理',
};
