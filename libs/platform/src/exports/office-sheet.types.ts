/** A cell of an office sheet: text, a number, a date cell (see office-dates.ts), or empty. */
export type OfficeValue = string | number | Date | null;

/** How a column's cells are formatted; text wraps, dates are real date cells, percents are 0–1. */
export type OfficeColumnKind = 'text' | 'number' | 'date' | 'dateTime' | 'percent';

export interface OfficeColumn<R> {
  /** The Chinese header, exactly as the office's form names the column. */
  readonly header: string;
  /** Width in characters (a CJK character is about two). */
  readonly width: number;
  /** Defaults to text. */
  readonly kind?: OfficeColumnKind;
  readonly value: (row: R) => OfficeValue;
}

/**
 * One sheet as offices file it (台账, 通报表, 考评结果): a title row, the header row (repeated on every
 * printed page), the rows, an optional totals row, then the signature lines.
 */
export interface OfficeSheetSpec<R> {
  /** Tab name; clipped to Excel's 31 characters (whole code points). */
  readonly sheetName: string;
  /** The title row, e.g. 某某医院整改台账（截至2025年3月24日）. */
  readonly title: string;
  /** An optional second line under the title (period, unit, generation time). */
  readonly subtitle?: string;
  readonly columns: readonly OfficeColumn<R>[];
  readonly rows: readonly R[];
  /** The totals row, one value per column (合计 usually first); absent: no totals row. */
  readonly totals?: readonly OfficeValue[];
  /** Signature lines; default 填报人 / 审核人 / 单位（盖章） / 填报日期; false for none. */
  readonly signatures?: readonly string[] | false;
  /** The instant the sheet is made: 填报日期 in the signature lines. */
  readonly generatedAt: string;
}

/** Where the parts of an office sheet landed (1-based row numbers), for callers and tests. */
export interface OfficeSheetLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly totalsRow: number | null;
  readonly signatureRow: number | null;
}
