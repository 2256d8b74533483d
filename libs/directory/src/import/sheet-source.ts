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

/**
 * Why a file was refused as a whole, by a stable name: the error carries it as `fileProblem` with
 * its numbers and sheet names, and the API's message catalogue says it in Chinese (the thrown
 * message is English).
 */
export type DirectoryFileProblem =
  | 'empty'
  | 'duplicateSheet'
  | 'missingSheet'
  | 'noSheets'
  | 'csvKindUnknown'
  | 'notXlsx'
  | 'xlsxBroken'
  | 'xlsxIncomplete'
  | 'notPlainXlsx'
  | 'xlsxNotCsv'
  | 'notText'
  | 'csvBomMismatch'
  | 'csvEncoding'
  | 'csvMalformed'
  | 'bytes'
  | 'rows'
  | 'xlsxRows'
  | 'csvRows'
  | 'unpacked'
  | 'unpackedMb';

type ProblemDetails = Readonly<Record<string, string | number>>;

function fileError(code: string, problem: DirectoryFileProblem, message: string, details: ProblemDetails): DomainError {
  return new DomainError(code, message, 'validation', { field: 'file', fileProblem: problem, ...details });
}

/** The file cannot be read at all (not an XLSX/CSV, broken zip, binary garbage). */
export function unreadableFile(problem: DirectoryFileProblem, message: string, details: ProblemDetails = {}): DomainError {
  return fileError('DIRECTORY.IMPORT_FILE_INVALID', problem, message, details);
}

/** The file is readable but larger than the limits allow. */
export function fileTooLarge(problem: DirectoryFileProblem, message: string, details: ProblemDetails = {}): DomainError {
  return fileError('DIRECTORY.IMPORT_FILE_TOO_LARGE', problem, message, details);
}

/** Rows that have at least one cell with something visible in it. */
export function hasContent(cells: readonly SheetCell[]): boolean {
  return cells.some((cell) => normaliseText(cell.text) !== '');
}
