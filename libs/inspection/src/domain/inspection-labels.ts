import { EVIDENCE_STEP_WORDS } from '@bihuan/core';
import { FindingState, RecheckStatus } from './finding/finding.state';
import { EscalationRung, EvidenceStep, FindingCategory, RecheckOutcome, RequiredAction, Severity, VisitKind } from './inspection-values';
import { VisitState } from './visit/visit.state';

/**
 * Chinese labels for UI and exports (domain.md, "Words in code"); codes stay English in events.
 * The one home of the inspection context's words: GET /catalogue serves them, and each map is a
 * `Record` over its code type, so a new code without a label does not compile.
 */
export const VISIT_KIND_LABELS: Readonly<Record<VisitKind, string>> = {
  routine: '日常监督',
  unannounced: '暗访',
  random: '双随机抽查',
  special: '专项行动',
  self: '自查',
};

export const FINDING_CATEGORY_LABELS: Readonly<Record<FindingCategory, string>> = {
  commissions: '商业提成',
  'improper-donations': '违规接受捐赠',
  'profit-driven-referrals': '牟利转介',
  'insurance-fraud': '欺诈骗保',
  'patient-privacy': '泄露隐私',
  kickbacks: '收受回扣',
  'queue-jumping': '破坏就医公平',
  'red-envelopes': '收受红包',
  'over-treatment': '过度诊疗',
  'service-attitude': '服务态度（生冷硬顶推）',
  'environment-signage': '就医环境与标识',
  'medical-quality': '医疗质量（十八项核心制度）',
  disclosure: '院务公开',
  'informed-consent': '知情同意',
  other: '其他',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  minor: '轻微',
  general: '一般',
  serious: '较重',
  severe: '严重',
};

export const REQUIRED_ACTION_LABELS: Readonly<Record<RequiredAction, string>> = {
  immediate: '立行立改',
  deadline: '限期整改',
  'long-term': '长期坚持',
};

export const ESCALATION_RUNG_LABELS: Readonly<Record<EscalationRung, string>> = {
  'reminder-letter': '提醒敦促函',
  'rectification-notice': '整改通知书',
  summons: '约谈通知书',
  'listed-supervision': '挂牌督办',
  'public-notice': '通报',
};

/** Where a visit stands (VisitState.status; `none` is never returned). */
export type VisitStatus = Exclude<VisitState['status'], 'none'>;
export const VISIT_STATUS_LABELS: Readonly<Record<VisitStatus, string>> = {
  planned: '计划中',
  conducted: '已实施',
  findingsRegistered: '已登记问题',
  closed: '已关闭',
  cancelled: '已取消',
};

/** Where a finding stands (FindingState.status, LedgerRow.status). */
export type FindingStatus = Exclude<FindingState['status'], 'none'>;
export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  open: '待下发整改通知',
  noticeIssued: '已下发整改通知，待提交整改方案',
  inProgress: '整改中',
  signOffRequested: '已申请销号',
  signedOff: '已销号',
  withdrawn: '已撤销',
};

/** 回头看 after sign-off, as a signed-off finding carries it. */
export const RECHECK_STATUS_LABELS: Readonly<Record<RecheckStatus, string>> = {
  none: '无需回头看',
  scheduled: '待回头看',
  due: '回头看到期',
  passed: '回头看通过',
};

/** What a re-check found: it holds, or the problem came back (反弹). */
export const RECHECK_OUTCOME_LABELS: Readonly<Record<RecheckOutcome, string>> = {
  passed: '回头看通过',
  reopened: '回头看未通过，重新整改',
};

/** What an attached file belongs to (EvidenceAttached.step). */
export const EVIDENCE_STEP_LABELS: Readonly<Record<EvidenceStep, string>> = {
  visit: EVIDENCE_STEP_WORDS.visit,
  finding: EVIDENCE_STEP_WORDS.finding,
  plan: EVIDENCE_STEP_WORDS.plan,
  progress: EVIDENCE_STEP_WORDS.progress,
  signOff: EVIDENCE_STEP_WORDS.signOff,
  recheck: EVIDENCE_STEP_WORDS.recheck,
};
