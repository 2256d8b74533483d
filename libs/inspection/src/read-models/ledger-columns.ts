import { OfficeColumn, shanghaiDateCell } from '@bihuan/platform';
import { ESCALATION_RUNG_LABELS, FINDING_CATEGORY_LABELS, FINDING_STATUS_LABELS, REQUIRED_ACTION_LABELS, SEVERITY_LABELS } from '../domain';
import { COMPLETION_LABELS, LEDGER_SOURCE_LABELS, RECHECK_REMARK_LABELS } from './ledger-labels';
import { LedgerRow } from './ledger-row';

/** 完成情况: where the row stands, in words; a late sign-off reads 逾期完成. */
export function progressText(row: LedgerRow): string {
  const pct = row.percentComplete === null ? '' : `（${row.percentComplete}%）`;
  const summary = row.progressSummary ? `：${row.progressSummary}` : '';
  const status = FINDING_STATUS_LABELS[row.status as keyof typeof FINDING_STATUS_LABELS] ?? row.status;
  const base: Record<string, string> = {
    inProgress: `${status}${summary}${pct}`,
    signOffRequested: `${status}${summary}`,
    signedOff: row.onTime === false ? COMPLETION_LABELS.late : COMPLETION_LABELS.onTime,
    withdrawn: `${status}${row.withdrawnReason ? `：${row.withdrawnReason}` : ''}`,
  };
  const escalated = row.escalationRung && row.status !== 'signedOff' ? `；已发${ESCALATION_RUNG_LABELS[row.escalationRung]}` : '';
  return `${base[row.status] ?? status}${escalated}${row.overdue ? '（逾期）' : ''}`;
}

/** 备注: the round (第N轮), severity, a provisional deadline, extensions, re-check. */
export function remarksText(row: LedgerRow): string {
  const parts = [
    row.round > 1 ? `第${row.round}轮整改` : '',
    `严重程度：${SEVERITY_LABELS[row.severity] ?? row.severity}`,
    // 暂定: counted over a year whose official holidays are not yet published; it moves when they are imported.
    row.deadline && row.deadlineProvisional ? '整改时限暂定（次年法定节假日未公布）' : '',
    row.extensionsApproved > 0 ? `已延期${row.extensionsApproved}次` : '',
    row.pendingExtension ? '延期申请待审批' : '',
    RECHECK_REMARK_LABELS[row.recheckStatus as keyof typeof RECHECK_REMARK_LABELS] ?? '',
  ];
  return parts.filter((p) => p !== '').join('；');
}

const signedOffText = (r: LedgerRow): string => (r.status === 'withdrawn' ? '已撤销' : r.signedOff ? '是' : '否');

/**
 * The columns of the 整改台账 offices file, in their order. 通知书文号 is the printed 整改通知书's number
 * when one was printed, else the number typed with the notice; everything comes from the ledger read model.
 */
export const LEDGER_COLUMNS: readonly OfficeColumn<LedgerRow>[] = [
  { header: '序号', width: 6, kind: 'number', value: (r) => r.seq },
  { header: '问题来源', width: 12, value: (r) => LEDGER_SOURCE_LABELS[r.visitKind] ?? r.visitKind },
  { header: '发现日期', width: 12, kind: 'date', value: (r) => shanghaiDateCell(r.openedAt) },
  { header: '问题描述', width: 36, value: (r) => r.description },
  { header: '问题类别', width: 14, value: (r) => FINDING_CATEGORY_LABELS[r.category] ?? r.category },
  { header: '整改类型', width: 10, value: (r) => REQUIRED_ACTION_LABELS[r.requiredAction] ?? r.requiredAction },
  { header: '整改措施', width: 36, value: (r) => r.measures ?? '' },
  { header: '责任部门', width: 12, value: (r) => r.responsibleDepartment },
  { header: '责任人', width: 10, value: (r) => r.responsiblePerson ?? '' },
  { header: '整改时限', width: 12, kind: 'date', value: (r) => shanghaiDateCell(r.deadline) },
  { header: '完成情况', width: 30, value: progressText },
  { header: '是否销号', width: 8, value: signedOffText },
  { header: '销号日期', width: 12, kind: 'date', value: (r) => shanghaiDateCell(r.signedOffAt) },
  { header: '督办级别', width: 12, value: (r) => (r.escalationRung ? ESCALATION_RUNG_LABELS[r.escalationRung] : '') },
  { header: '通知书文号', width: 16, value: (r) => r.noticeDocumentNo ?? r.noticeNo ?? '' },
  { header: '备注', width: 24, value: remarksText },
];

/** The headers, exactly as listed in issue 17. */
export const LEDGER_HEADERS: readonly string[] = LEDGER_COLUMNS.map((c) => c.header);
