import ExcelJS from 'exceljs';
import { isDomainError } from '@bihuan/core';
import { EMPTY_CELL, SheetCell, numberCell, textCell } from './cell-text';
import { DirectoryImportLimits, SourceRow, SourceSheet, fileTooLarge, hasContent, unreadableFile } from './sheet-source';
import { assertZipUnpacksWithin } from './zip-guard';

/**
 * Parts of a worksheet the import never reads. Data validations matter most: Excel applies a
 * dropdown made for a whole column to `C2:C1048576`, and exceljs would list every one of those
 * cells while loading (exceljs issues #1283, #1842) — minutes of CPU for a 20 KB file.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'extLst'];

/** The text of any value exceljs gives: plain, rich text, hyperlink, formula result, date, error. */
function cellOf(value: unknown, numFmt: string | undefined): SheetCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'number') return numberCell(value, numFmt);
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return textCell(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return textCell(Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10));
  if (typeof value !== 'object') return EMPTY_CELL;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return textCell(record.richText.map((part: unknown) => textOfPart(part)).join(''));
  }
  if ('formula' in record || 'sharedFormula' in record) return cellOf(record.result, numFmt);
  if ('hyperlink' in record) return cellOf(record.text, numFmt);
  if (typeof record.error === 'string') return textCell(record.error);
  return EMPTY_CELL;
}

function textOfPart(part: unknown): string {
  if (typeof part !== 'object' || part === null) return '';
  const text = (part as { text?: unknown }).text;
  return typeof text === 'string' ? text : '';
}

function rowsOf(worksheet: ExcelJS.Worksheet, limits: DirectoryImportLimits): SourceRow[] {
  const rows: SourceRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= limits.maxColumns) cells[column - 1] = cellOf(cell.value, cell.numFmt);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY_CELL;
    if (hasContent(cells)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/**
 * Every worksheet of an XLSX workbook with its non-empty rows. A file that is not a workbook is
 * refused with DIRECTORY.IMPORT_FILE_INVALID; one with more rows than a sheet may hold, with
 * DIRECTORY.IMPORT_FILE_TOO_LARGE (exceljs stops reading at the cap).
 */
export async function readXlsxSheets(content: Buffer, limits: DirectoryImportLimits): Promise<SourceSheet[]> {
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) {
    throw unreadableFile('notXlsx', 'The file is not an XLSX workbook (save it as .xlsx in Excel or WPS)');
  }
  assertZipUnpacksWithin(content, limits.maxUnpackedBytes);
  const workbook = new ExcelJS.Workbook();
  // Rows in the XML count empty rows that only carry a format (borders drawn down a sheet): room for
  // those, while a sheet of a million formatted rows is still refused before it is built in memory.
  const options = { ignoreNodes: IGNORED_NODES, maxRows: limits.maxRows * 5 + 1000, maxCols: 16_384 };
  try {
    // A Node Buffer is what JSZip takes; exceljs's typings name another Buffer.
    await workbook.xlsx.load(content as unknown as ArrayBuffer, options as ExcelJS.XlsxReadOptions);
    return workbook.worksheets.map((worksheet) => ({
      name: worksheet.name,
      rows: rowsOf(worksheet, limits),
      quotedFormulas: false,
    }));
  } catch (error: unknown) {
    if (isDomainError(error)) throw error;
    if (error instanceof Error && /^Max .* count .* exceeded/.test(error.message)) {
      const maxRows = limits.maxRows;
      throw fileTooLarge('xlsxRows', `A sheet has more rows than ${maxRows} (formatted empty rows count too); delete the extra rows`, {
        maxRows,
      });
    }
    throw unreadableFile('xlsxBroken', 'The XLSX workbook cannot be read; the file may be damaged');
  }
}
