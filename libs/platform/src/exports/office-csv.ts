import { csvDocument } from '../files/csv';
import { OfficeColumn, OfficeValue } from './office-sheet.types';

/** A date cell's wall clock (office-dates.ts) back as text: 2025-03-24, or 2025-03-24 14:05 for date-times. */
function csvValue(column: OfficeColumn<unknown>, value: OfficeValue): string | number | null {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return column.kind === 'dateTime' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  if (typeof value === 'number' && column.kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  return value;
}

/**
 * The same columns as the office sheet, as CSV for systems that import it (UTF-8 with BOM, CRLF,
 * formula-looking text neutralised by csvDocument): the header row first, no title or signature lines.
 */
export function officeCsv<R>(columns: readonly OfficeColumn<R>[], rows: readonly R[]): Buffer {
  const cols = columns as readonly OfficeColumn<unknown>[];
  return csvDocument([cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => csvValue(c, c.value(r))))]);
}
