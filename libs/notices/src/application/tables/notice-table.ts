import { OfficeColumn, OfficeSheetSpec, OfficeValue } from '@bihuan/platform';
import { NoticeTable } from '../../domain/public-notice.messages';

/** A cell as printed: a date cell's Beijing day, a percent to one decimal, a count, — or nothing. */
function cellText(column: OfficeColumn<unknown>, value: OfficeValue): string {
  if (value === null) return '';
  // A date cell carries the Beijing wall clock in its UTC fields (office-dates.ts).
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return column.kind === 'percent' ? `${(value * 100).toFixed(1)}%` : String(value);
  return value;
}

/**
 * A context's 通报 sheet (the one its export lays out) as a notice's table of text: the same
 * columns and words as the office file, only those `headers` name when given (a public notice
 * prints the columns an A4 page holds). Pure.
 */
export function noticeTableOf<R>(spec: OfficeSheetSpec<R>, headers?: readonly string[]): NoticeTable {
  const all = spec.columns as readonly OfficeColumn<unknown>[];
  const picked = headers
    ? headers.map((header) => {
        const index = all.findIndex((c) => c.header === header);
        if (index < 0) throw new Error(`${spec.sheetName} has no column ${header}`);
        return index;
      })
    : all.map((_, i) => i);
  return {
    title: spec.title,
    subtitle: spec.subtitle ?? null,
    columns: picked.map((i) => all[i]!.header),
    rows: spec.rows.map((row) => picked.map((i) => cellText(all[i]!, all[i]!.value(row)))),
    totals: spec.totals ? picked.map((i) => cellText(all[i]!, spec.totals![i] ?? null)) : null,
  };
}
