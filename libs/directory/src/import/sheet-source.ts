import { DomainError } from '@bihuan/core';
import { SheetCell, normaliseText } from './cell-text';

/** One row of a sheet as read from the file: its number as the spreadsheet shows it, cells by column. */
export interface SourceRow {
  readonly row: number;
  /** 0-based by column; missing entries are empty cells. */
  readonly cells: readonly SheetCell[];
}

/** A sheet (or a CSV file) before its header is understood: a name and its non-empty rows. */
export interface SourceSheet {
  readonly name: string;
  readonly rows: readonly SourceRow[];
  /** CSV cells may carry the `'` that neutralises a formula (writeDirectoryCsv writes it). */
  readonly quotedFormulas: boolean;
}

/**
 * What a file may be before it is refused as a whole. Bytes are checked before any parsing (an
 * XLSX is a zip: exceljs unpacks it all in memory); rows bound the work and the import's size.
 */
export interface DirectoryImportLimits {
  readonly maxBytes: number;
  /** What an XLSX may unpack to, by its zip directory (a 5 MB zip can claim gigabytes). */
  readonly maxUnpackedBytes: number;
  /** Data rows over all sheets (headers and empty rows not counted). */
  readonly maxRows: number;
  /** Columns read per row; cells further right are ignored. */
  readonly maxColumns: number;
}

export const DEFAULT_DIRECTORY_IMPORT_LIMITS: DirectoryImportLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 100,
};

/** The file cannot be read at all (not an XLSX/CSV, broken zip, binary garbage). */
export function unreadableFile(message: string): DomainError {
  return DomainError.invalid('DIRECTORY.IMPORT_FILE_INVALID', 'file', message);
}

/** The file is readable but larger than the limits allow. */
export function fileTooLarge(message: string): DomainError {
  return DomainError.invalid('DIRECTORY.IMPORT_FILE_TOO_LARGE', 'file', message);
}

/** Rows that have at least one cell with something visible in it. */
export function hasContent(cells: readonly SheetCell[]): boolean {
  return cells.some((cell) => normaliseText(cell.text) !== '');
}
