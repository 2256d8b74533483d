import ExcelJS from 'exceljs';
import { shanghaiDate as shanghaiDateOf } from '@bihuan/core';
import { csvDocument } from '@bihuan/platform';
import { ESCALATION_RUNG_LABELS, FINDING_CATEGORY_LABELS, SEVERITY_LABELS } from '../domain';
import { LedgerRow } from './ledger-row';

/** core's shanghaiDate for ledger cells, which may be empty: '' for none. */
export function shanghaiDate(instant: string | null): string {
  return instant && !Number.isNaN(Date.parse(instant)) ? shanghaiDateOf(instant) : '';
}

/** 完成情况: where the row stands, in words. */
export function progressText(row: LedgerRow): string {
  const pct = row.percentComplete === null ? '' : `（${row.percentComplete}%）`;
  const base: Record<string, string> = {
    open: '待下发整改通知',
    noticeIssued: '已下发整改通知，待提交整改方案',
    inProgress: `整改中${row.progressSummary ? `：${row.progressSummary}` : ''}${pct}`,
    signOffRequested: `已申请销号${row.progressSummary ? `：${row.progressSummary}` : ''}`,
    signedOff: `已完成整改，${shanghaiDate(row.signedOffAt)}销号`,
    withdrawn: `已撤销${row.withdrawnReason ? `：${row.withdrawnReason}` : ''}`,
  };
  const escalated = row.escalationRung && row.status !== 'signedOff' ? `；已发${ESCALATION_RUNG_LABELS[row.escalationRung]}` : '';
  return `${base[row.status] ?? row.status}${escalated}${row.overdue ? '（逾期）' : ''}`;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly value: (row: LedgerRow) => string | number;
}

/** The usual ledger columns (序号, 问题, 整改措施, 责任人, 整改时限, 完成情况, 是否销号) plus context. */
export const LEDGER_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6, value: (r) => r.seq },
  { header: '问题', width: 40, value: (r) => r.description },
  { header: '类别', width: 16, value: (r) => FINDING_CATEGORY_LABELS[r.category] ?? r.category },
  { header: '严重程度', width: 10, value: (r) => SEVERITY_LABELS[r.severity] ?? r.severity },
  { header: '整改措施', width: 40, value: (r) => r.measures ?? '' },
  { header: '责任科室', width: 14, value: (r) => r.responsibleDepartment },
  { header: '责任人', width: 12, value: (r) => r.responsiblePerson ?? '' },
  // 暂定: counted over a year whose official holidays are not yet published; it moves when they are imported.
  { header: '整改时限', width: 16, value: (r) => `${shanghaiDate(r.deadline)}${r.deadline && r.deadlineProvisional ? '（暂定）' : ''}` },
  { header: '完成情况', width: 40, value: progressText },
  { header: '是否销号', width: 10, value: (r) => (r.status === 'withdrawn' ? '已撤销' : r.signedOff ? '是' : '否') },
  { header: '销号日期', width: 12, value: (r) => shanghaiDate(r.signedOffAt) },
];

/** CSV (BOM, CRLF; text that could start a formula neutralised) through the one CSV writer. */
export function ledgerCsv(rows: readonly LedgerRow[]): Buffer {
  return csvDocument([LEDGER_COLUMNS.map((c) => c.header), ...rows.map((r) => LEDGER_COLUMNS.map((c) => c.value(r)))]);
}

/** XLSX (exceljs): one sheet 整改台账, header row first, wrapped text, frozen header. */
export async function ledgerXlsx(rows: readonly LedgerRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bihuan';
  workbook.title = title;
  const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => c.value(row)));
  sheet.eachRow((r) => {
    r.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
