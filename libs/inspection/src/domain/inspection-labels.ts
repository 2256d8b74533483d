import { EscalationRung, FindingCategory, RequiredAction, Severity, VisitKind } from './inspection-values';

/** Chinese labels for UI and exports (domain.md, "Words in code"); codes stay English in events. */
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
