import stringWidth from 'string-width';
import { OfficeColumn, OfficeValue } from './office-sheet.types';

/** A line of 11-point 宋体, in points, with the room Excel and WPS leave between lines. */
const LINE_POINTS = 14.25;
/** Excel's default row, kept for rows of one line so a sheet looks as offices expect. */
const ONE_LINE_ROW = 15;
/** Excel refuses taller rows. */
const MAX_ROW_POINTS = 409;
/** Character widths a cell loses to its padding and borders. */
const CELL_PADDING = 1;

/** Lines a text needs in a column `width` characters wide: each paragraph wrapped, CJK counted two wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - CELL_PADDING);
  return text.split(/\r?\n/).reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(stringWidth(paragraph) / room)), 0);
}

/** A cell as its row's height sees it: its text if it wraps (text columns and headers), else null. */
export interface WrappingCell {
  readonly text: string | null;
  /** The column's width in characters. */
  readonly width: number;
}

/** The cells of a body or totals row: text columns wrap; numbers and dates stay on one line. */
export function bodyCells(columns: readonly OfficeColumn<unknown>[], values: readonly OfficeValue[]): WrappingCell[] {
  return columns.map((column, i) => {
    const value = values[i];
    return { text: (column.kind ?? 'text') === 'text' && typeof value === 'string' ? value : null, width: column.width };
  });
}

/**
 * The height a row needs so that every wrapped cell shows whole. Excel and WPS do not size a row to
 * its wrapped text on opening a file, and LibreOffice not when printing it: without a height a long
 * description spilt over the next row in print.
 */
export function officeRowHeight(cells: readonly WrappingCell[]): number {
  const lines = cells.reduce((most, cell) => (cell.text === null ? most : Math.max(most, wrappedLines(cell.text, cell.width))), 1);
  return lines === 1 ? ONE_LINE_ROW : Math.min(MAX_ROW_POINTS, Math.ceil(lines * LINE_POINTS + 4));
}
