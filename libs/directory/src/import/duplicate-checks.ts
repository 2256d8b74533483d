import { RowRejection } from '../domain/directory-inputs';
import { normaliseCode } from './cell-text';
import { DIRECTORY_COLUMNS } from './directory-columns';
import { DIRECTORY_SHEET_NAMES, DirectorySheet } from './directory-vocabulary';
import { SheetRecord } from './sheet-header';

interface UniqueColumn {
  readonly sheet: DirectorySheet;
  readonly field: string;
  readonly rule: string;
  /** 登录名 is unique whatever its case (UserInput.username). */
  readonly ignoreCase: boolean;
}

/** What must not appear twice in one file; against the live directory the decider checks again. */
const UNIQUE_COLUMNS: readonly UniqueColumn[] = [
  { sheet: 'units', field: 'id', rule: 'DIRECTORY.DUPLICATE_ID', ignoreCase: false },
  { sheet: 'units', field: 'profile.creditCode', rule: 'DIRECTORY.DUPLICATE_CREDIT_CODE', ignoreCase: true },
  { sheet: 'departments', field: 'id', rule: 'DIRECTORY.DUPLICATE_ID', ignoreCase: false },
  { sheet: 'users', field: 'id', rule: 'DIRECTORY.DUPLICATE_ID', ignoreCase: false },
  { sheet: 'users', field: 'username', rule: 'DIRECTORY.DUPLICATE_USERNAME', ignoreCase: true },
];

/**
 * Every repeat of a value that must be unique, reported on the later row and naming the first
 * (单位表第9行「单位编码」与第4行重复：A001). Checked on the cells as written, so a row is
 * reported even when its other cells are bad too.
 */
export function duplicateRejections(sheet: DirectorySheet, records: readonly SheetRecord[]): RowRejection[] {
  const rejected: RowRejection[] = [];
  for (const unique of UNIQUE_COLUMNS.filter((u) => u.sheet === sheet)) {
    const header = DIRECTORY_COLUMNS[sheet].find((c) => c.field === unique.field)?.header ?? unique.field;
    const firstRow = new Map<string, number>();
    for (const record of records) {
      const value = normaliseCode(record.cells.get(unique.field)?.text ?? '');
      if (value === '') continue;
      const key = unique.ignoreCase ? value.toLowerCase() : value;
      const first = firstRow.get(key);
      if (first === undefined) {
        firstRow.set(key, record.row);
        continue;
      }
      rejected.push({
        sheet,
        row: record.row,
        field: unique.field,
        rule: unique.rule,
        message: `${DIRECTORY_SHEET_NAMES[sheet]}表第${record.row}行「${header}」与第${first}行重复：${value}`,
      });
    }
  }
  return rejected;
}
