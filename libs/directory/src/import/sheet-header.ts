import { RowRejection } from '../domain/directory-inputs';
import { EMPTY_CELL, SheetCell, normaliseHeader } from './cell-text';
import { ColumnSpec, DIRECTORY_COLUMNS } from './directory-columns';
import { DIRECTORY_SHEETS, DIRECTORY_SHEET_NAMES, DirectorySheet } from './directory-vocabulary';
import { SourceRow, SourceSheet, hasContent } from './sheet-source';

/** One data row with its cells by column field (`profile.creditCode` → cell). */
export interface SheetRecord {
  readonly row: number;
  readonly cells: ReadonlyMap<string, SheetCell>;
}

/** Title rows above the header (e.g. "××市医疗机构名单") are skipped; the header is within these rows. */
const HEADER_SEARCH_ROWS = 10;

function columnOf(columns: readonly ColumnSpec[], header: string): ColumnSpec | undefined {
  return columns.find((c) => c.header === header || c.aliases.includes(header));
}

function matches(columns: readonly ColumnSpec[], row: SourceRow): number {
  return row.cells.filter((cell) => columnOf(columns, normaliseHeader(cell.text))).length;
}

/** The header row: the first of the top rows naming at least two of the sheet's columns. */
function headerRow(columns: readonly ColumnSpec[], source: SourceSheet): SourceRow | undefined {
  return source.rows.slice(0, HEADER_SEARCH_ROWS).find((row) => matches(columns, row) >= 2);
}

/** Which list a sheet (or a CSV) holds, judged by its header; null when no list fits clearly. */
export function detectSheet(source: SourceSheet): DirectorySheet | null {
  const scores = DIRECTORY_SHEETS.map((sheet) => {
    const header = headerRow(DIRECTORY_COLUMNS[sheet], source);
    return { sheet, score: header ? matches(DIRECTORY_COLUMNS[sheet], header) : 0 };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  return best && best.score >= 2 && best.score > (second?.score ?? 0) ? best.sheet : null;
}

/** A cell written as `'=…` by writeDirectoryCsv (formula neutralised) reads back as `=…`. */
function unquoted(cell: SheetCell, quotedFormulas: boolean): SheetCell {
  return quotedFormulas && /^'[=+\-@\t\r]/.test(cell.text) ? { ...cell, text: cell.text.slice(1) } : cell;
}

/**
 * The data rows of a sheet keyed by column. A header naming unknown or repeated columns, or lacking
 * required ones, is reported once (sheet, header row); without a required column no row is read.
 */
export function readSheetRecords(sheet: DirectorySheet, source: SourceSheet): { records: SheetRecord[]; rejected: RowRejection[] } {
  if (source.rows.length === 0) return { records: [], rejected: [] };
  const columns = DIRECTORY_COLUMNS[sheet];
  const name = DIRECTORY_SHEET_NAMES[sheet];
  const header = headerRow(columns, source);
  const headerAt = header?.row ?? 1;
  const rejected: RowRejection[] = [];
  const reject = (field: string, rule: string, message: string): void => {
    rejected.push({ sheet, row: headerAt, field, rule, message: `${name}表第${headerAt}行（表头）${message}` });
  };
  const positions = new Map<string, number>();
  header?.cells.forEach((cell, index) => {
    const text = normaliseHeader(cell.text);
    if (text === '') return;
    const column = columnOf(columns, text);
    if (!column) return reject(text, 'DIRECTORY.IMPORT_UNKNOWN_COLUMN', `「${text}」不是可导入的列`);
    if (positions.has(column.field)) {
      return reject(column.field, 'DIRECTORY.IMPORT_DUPLICATE_COLUMN', `「${column.header}」列重复出现`);
    }
    positions.set(column.field, index);
  });
  const missing = columns.filter((c) => c.requiredColumn && !positions.has(c.field));
  for (const column of missing) reject(column.field, 'DIRECTORY.IMPORT_MISSING_COLUMN', `缺少必填列「${column.header}」`);
  if (!header || missing.length > 0) return { records: [], rejected };
  const records = source.rows
    .filter((row) => row.row > headerAt)
    .map((row) => {
      const cells = new Map<string, SheetCell>();
      for (const [field, index] of positions) {
        cells.set(field, unquoted(row.cells[index] ?? EMPTY_CELL, source.quotedFormulas));
      }
      return { row: row.row, cells };
    })
    .filter((record) => hasContent([...record.cells.values()]));
  return { records, rejected };
}
