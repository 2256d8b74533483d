/**
 * Cells beginning with these make Excel and WPS read the cell as a formula (OWASP "CSV Injection"):
 * `=cmd|' /C calc'!A0`, `@SUM(…)`, `-2+3`, and tab / carriage return variants.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text — which may come from people — that could start a formula is prefixed with a
 * single quote, so spreadsheet programs show it as text; numbers the code writes itself (序号, points,
 * also negative ones) stay numbers. Quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 BOM (Excel/WPS then read the Chinese text right) and CRLF line ends. */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
