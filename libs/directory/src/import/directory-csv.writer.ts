import { DirectorySheet } from './directory-vocabulary';
import { DirectorySnapshot, sheetHeaders, sheetRows } from './export-rows';

/**
 * Cells beginning with these make Excel and WPS read them as formulas (OWASP "CSV Injection"); they
 * are written behind a `'`, which the import takes off again (same rule as @bihuan/platform's csvCell,
 * kept here so the directory lib does not depend on the platform that loads it).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One list of the directory as CSV: UTF-8 with a byte-order mark (without it Excel on Chinese
 * Windows reads the file as GBK and shows mojibake), CRLF line ends, the import's headers and labels.
 */
export function writeDirectoryCsv(snapshot: DirectorySnapshot, sheet: DirectorySheet): Buffer {
  const lines = [sheetHeaders(sheet), ...sheetRows(snapshot, sheet)].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
