import { parse } from 'csv-parse/sync';
import { SheetCell, textCell } from './cell-text';
import { DirectoryImportLimits, SourceRow, SourceSheet, fileTooLarge, hasContent, unreadableFile } from './sheet-source';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * The text of a CSV file, whichever way it was saved:
 * - a byte-order mark decides (EF BB BF UTF-8 — Excel's "CSV UTF-8"; FF FE / FE FF UTF-16);
 * - without one, bytes that are valid UTF-8 are UTF-8 (strict decoding: Chinese text in GBK is
 *   practically never also valid UTF-8, as GBK's trail bytes fall where UTF-8 expects lead bytes);
 * - otherwise GB18030, the superset of GBK/GB2312 that Excel and WPS on Chinese Windows write for
 *   plain "CSV (逗号分隔)", decoded strictly too so random bytes are refused.
 */
export function decodeCsv(content: Buffer): { text: string; encoding: CsvEncoding } {
  const decode = (encoding: CsvEncoding, bytes: Uint8Array): string =>
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  try {
    if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
      return { text: decode('utf-8', content.subarray(3)), encoding: 'utf-8' };
    }
    if (content[0] === 0xff && content[1] === 0xfe) return { text: decode('utf-16le', content.subarray(2)), encoding: 'utf-16le' };
    if (content[0] === 0xfe && content[1] === 0xff) return { text: decode('utf-16be', content.subarray(2)), encoding: 'utf-16be' };
  } catch {
    throw unreadableFile('csvBomMismatch', "The CSV file's encoding does not match its byte order mark");
  }
  try {
    return { text: decode('utf-8', content), encoding: 'utf-8' };
  } catch {
    try {
      return { text: decode('gb18030', content), encoding: 'gb18030' };
    } catch {
      throw unreadableFile('csvEncoding', "The CSV file's encoding is not recognised (use UTF-8 or GBK/GB18030)");
    }
  }
}

/** Excel's "Unicode text" is tab-separated; a CSV whose header has tabs and no comma is read that way. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** Raised inside csv-parse to stop reading once the row cap is passed. */
class TooManyRows extends Error {}

/**
 * One CSV file as one sheet. Record n is row n (as Excel shows the file, a quoted cell with line
 * breaks staying one row). Refused as a whole: binary content, an XLSX sent as CSV, broken quoting.
 */
export function readCsvSheet(content: Buffer, name: string, limits: DirectoryImportLimits): SourceSheet {
  if (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50) {
    throw unreadableFile('xlsxNotCsv', 'The file is an XLSX workbook, not a CSV; upload it as XLSX');
  }
  const { text } = decodeCsv(content);
  if (text.includes('\u0000')) throw unreadableFile('notText', 'The file is not a text CSV');
  const cap = limits.maxRows + 1000;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        if (context.records > cap) throw new TooManyRows();
        return record;
      },
    });
  } catch (error: unknown) {
    if (error instanceof TooManyRows) {
      throw fileTooLarge('csvRows', `The CSV file has more rows than ${limits.maxRows}`, { maxRows: limits.maxRows });
    }
    throw unreadableFile('csvMalformed', 'The CSV file is malformed (unbalanced quotes or separators)');
  }
  const rows: SourceRow[] = [];
  records.forEach((record, index) => {
    const cells: SheetCell[] = record.slice(0, limits.maxColumns).map(textCell);
    if (hasContent(cells)) rows.push({ row: index + 1, cells });
  });
  return { name, rows, quotedFormulas: true };
}
