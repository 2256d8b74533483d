import { RECHECK_OUTCOME_LABELS, RECHECK_STATUS_LABELS, RecheckOutcome, RecheckStatus, VisitKind } from '../domain';

/**
 * Words only the ledger export (整改台账) uses, in the wording of the printed ledger. Every code's
 * own label (status, category, severity, required action, escalation rung) is the domain's
 * (inspection-labels.ts), which GET /catalogue serves.
 */

/** 问题来源: the kind of visit that found the problem. */
export const LEDGER_SOURCE_LABELS: Readonly<Record<VisitKind, string>> = {
  routine: '日常监督检查',
  unannounced: '暗访检查',
  random: '双随机抽查',
  special: '专项检查',
  self: '医院自查',
};

/**
 * 回头看 as 备注 words: the domain's labels (inspection-labels.ts), except that a row needing none
 * says nothing and a reopened row says why it is open again.
 */
export const RECHECK_REMARK_LABELS: Readonly<Record<RecheckStatus | RecheckOutcome, string>> = {
  ...RECHECK_STATUS_LABELS,
  ...RECHECK_OUTCOME_LABELS,
  none: '',
};

/** 完成情况 of a signed-off row: on time, or late (逾期完成). */
export const COMPLETION_LABELS = { onTime: '按期完成', late: '逾期完成' } as const;
