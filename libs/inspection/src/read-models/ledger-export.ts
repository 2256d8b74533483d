import { shanghaiDate as shanghaiDateOf } from '@bihuan/core';
import { officeCsv, officeXlsx, OfficeValue, shanghaiDateWords } from '@bihuan/platform';
import { LEDGER_COLUMNS } from './ledger-columns';
import { LedgerRow } from './ledger-row';

export { LEDGER_COLUMNS, LEDGER_HEADERS, progressText, remarksText } from './ledger-columns';

/** core's shanghaiDate for ledger cells, which may be empty: '' for none. */
export function shanghaiDate(instant: string | null): string {
  return instant && !Number.isNaN(Date.parse(instant)) ? shanghaiDateOf(instant) : '';
}

/** What the title row says: whose ledger, and up to when. */
export interface LedgerTitle {
  /** The unit's name (机构名称), never its id. */
  readonly unitName: string;
  /** e.g. 检查 2025-03-03 for a visit's ledger; absent for an institution's. */
  readonly qualifier?: string;
  /** The cut-off: `date` (今天的台账) or an instant with minutes (as-of ledgers, 截至 <instant>). */
  readonly cutOff: string;
  readonly cutOffWords?: string;
  /** When the file is made (填报日期). */
  readonly generatedAt: string;
}

/** 某某医院整改台账（检查…，截至2025年3月24日） */
export function ledgerTitle(t: LedgerTitle): string {
  const until = `截至${t.cutOffWords ?? shanghaiDateWords(t.cutOff)}`;
  return `${t.unitName}整改台账（${t.qualifier ? `${t.qualifier}，` : ''}${until}）`;
}

/** The totals row (合计): counted rows (withdrawn ones apart), signed off (late ones), open, overdue. */
export function ledgerTotals(rows: readonly LedgerRow[]): OfficeValue[] {
  const counted = rows.filter((r) => r.status !== 'withdrawn');
  const signed = counted.filter((r) => r.signedOff);
  const late = signed.filter((r) => r.onTime === false).length;
  const overdue = counted.filter((r) => r.overdue).length;
  const withdrawn = rows.length - counted.length;
  const cells: OfficeValue[] = LEDGER_COLUMNS.map(() => null);
  cells[0] = '合计';
  cells[3] = `共${counted.length}项${withdrawn ? `（另撤销${withdrawn}项）` : ''}`;
  cells[10] = `已销号${signed.length}项（逾期完成${late}项），未销号${counted.length - signed.length}项（逾期${overdue}项）`;
  cells[11] = `${signed.length}/${counted.length}`;
  return cells;
}

/** CSV: the same columns (UTF-8 with BOM, CRLF; formula-looking text neutralised), no title. */
export function ledgerCsv(rows: readonly LedgerRow[]): Buffer {
  return officeCsv(LEDGER_COLUMNS, rows);
}

/** XLSX as an office files it: title with unit and cut-off, repeated header, totals, signature lines. */
export function ledgerXlsx(rows: readonly LedgerRow[], title: LedgerTitle): Promise<Buffer> {
  return officeXlsx({
    sheetName: '整改台账',
    title: ledgerTitle(title),
    columns: LEDGER_COLUMNS,
    rows,
    totals: ledgerTotals(rows),
    generatedAt: title.generatedAt,
  });
}
