import { VisitKind } from '../domain';

/**
 * Words of the ledger export (整改台账), one map per code. Kept beside the export until the shared
 * catalogue of words (issue 17, item 1) serves them; category, severity, required action and
 * escalation rung use the domain's maps (inspection-labels.ts).
 */

/** 问题来源: the kind of visit that found the problem. */
export const LEDGER_SOURCE_LABELS: Readonly<Record<VisitKind, string>> = {
  routine: '日常监督检查',
  unannounced: '暗访检查',
  random: '双随机抽查',
  special: '专项检查',
  self: '医院自查',
};

/** Where a finding stands (LedgerRow.status). */
export const FINDING_STATUS_LABELS: Readonly<Record<string, string>> = {
  open: '待下发整改通知',
  noticeIssued: '已下发整改通知，待提交整改方案',
  inProgress: '整改中',
  signOffRequested: '已申请销号',
  signedOff: '已销号',
  withdrawn: '已撤销',
};

/** 回头看 (re-check after sign-off), as 备注 words; none says nothing. */
export const RECHECK_STATUS_LABELS: Readonly<Record<string, string>> = {
  none: '',
  scheduled: '待回头看',
  due: '回头看到期',
  passed: '回头看通过',
  reopened: '回头看未通过，重新整改',
};

/** 完成情况 of a signed-off row: on time, or late (逾期完成). */
export const COMPLETION_LABELS = { onTime: '按期完成', late: '逾期完成' } as const;
