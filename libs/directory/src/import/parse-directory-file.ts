import { DirectoryImport, ImportItem, RowRejection } from '../domain/directory-inputs';
import { normaliseHeader } from './cell-text';
import { readCsvSheet } from './csv-source';
import { duplicateRejections } from './duplicate-checks';
import { DIRECTORY_SHEETS, DIRECTORY_SHEET_NAMES, DirectorySheet } from './directory-vocabulary';
import { ParsedRow, parseDepartmentRow, parseUnitRow, parseUserRow } from './row-parsers';
import { SheetRecord, detectSheet, readSheetRecords } from './sheet-header';
import { DEFAULT_DIRECTORY_IMPORT_LIMITS, DirectoryImportLimits, SourceSheet, fileTooLarge, unreadableFile } from './sheet-source';
import { readXlsxSheets } from './xlsx-source';

export type DirectoryFileFormat = 'xlsx' | 'csv';

/** What a file holds: the good rows as inputs, and every rejected cell or row. */
export interface DirectoryFileParse {
  readonly import: DirectoryImport;
  /** Apply `import` only when this is empty: an import is all or nothing. */
  readonly rejected: RowRejection[];
}

/** A worksheet named 单位 / 单位表 / 单位信息 / 单位名单 (or `units`) holds that list. */
function sheetByName(name: string): DirectorySheet | null {
  const text = normaliseHeader(name).toLowerCase();
  return (
    DIRECTORY_SHEETS.find((sheet) => {
      const label = DIRECTORY_SHEET_NAMES[sheet];
      return [sheet, label, `${label}表`, `${label}信息`, `${label}名单`].includes(text);
    }) ?? null
  );
}

/** Which worksheet holds which list: by name first, then by header; `only` keeps one list. */
function assignSheets(sources: readonly SourceSheet[], only?: DirectorySheet): Map<DirectorySheet, SourceSheet> {
  const assigned = new Map<DirectorySheet, SourceSheet>();
  const unnamed: SourceSheet[] = [];
  for (const source of sources) {
    const sheet = sheetByName(source.name);
    if (sheet === null) unnamed.push(source);
    else if (assigned.has(sheet))
      throw unreadableFile('duplicateSheet', `The workbook has more than one "${DIRECTORY_SHEET_NAMES[sheet]}" sheet`, {
        sheet: DIRECTORY_SHEET_NAMES[sheet],
      });
    else assigned.set(sheet, source);
  }
  for (const source of unnamed) {
    const sheet = detectSheet(source);
    if (sheet !== null && !assigned.has(sheet)) assigned.set(sheet, source);
  }
  if (only) {
    // A workbook of one sheet named otherwise (Sheet1) holds the list asked for.
    const single = sources.length === 1 && sheetByName(sources[0]!.name) === null ? sources[0] : undefined;
    const source = assigned.get(only) ?? single;
    if (!source) {
      throw unreadableFile('missingSheet', `The workbook has no "${DIRECTORY_SHEET_NAMES[only]}" sheet`, {
        sheet: DIRECTORY_SHEET_NAMES[only],
      });
    }
    return new Map([[only, source]]);
  }
  if (assigned.size === 0) {
    const names = DIRECTORY_SHEETS.map((s) => `"${DIRECTORY_SHEET_NAMES[s]}"`).join(', ');
    throw unreadableFile('noSheets', `The workbook has none of the sheets ${names}`);
  }
  return assigned;
}

async function readSources(
  content: Buffer,
  format: DirectoryFileFormat,
  sheet: DirectorySheet | undefined,
  limits: DirectoryImportLimits,
): Promise<Map<DirectorySheet, SourceSheet>> {
  if (format === 'xlsx') return assignSheets(await readXlsxSheets(content, limits), sheet);
  const source = readCsvSheet(content, sheet ? DIRECTORY_SHEET_NAMES[sheet] : 'CSV', limits);
  const detected = sheet ?? detectSheet(source);
  if (!detected)
    throw unreadableFile(
      'csvKindUnknown',
      'The header does not tell whether the CSV file lists units, departments or users; name the sheet',
    );
  return new Map([[detected, source]]);
}

function items<T>(sheet: DirectorySheet, rows: readonly ParsedRow<T>[], rejectedRows: Set<number>): ImportItem<T>[] {
  return rows.flatMap((r) => (r.input !== null && !rejectedRows.has(r.row) ? [{ ref: { sheet, row: r.row }, input: r.input }] : []));
}

/**
 * Reads a directory file: an XLSX workbook with sheets 单位 / 科室 / 用户 (any of them; `sheet`
 * keeps one), or one CSV file holding one list (`sheet` names it, else its header tells).
 * Every bad cell, repeated code and bad header is a RowRejection; rows with none become inputs.
 * Parents, units and departments named in rows are passed on unresolved (the decider resolves them).
 * Throws only DomainError: DIRECTORY.IMPORT_FILE_INVALID (unreadable) or
 * DIRECTORY.IMPORT_FILE_TOO_LARGE (over `limits`, checked before parsing for bytes).
 */
export async function parseDirectoryFile(
  content: Buffer,
  format: DirectoryFileFormat,
  sheet?: DirectorySheet,
  limits: Partial<DirectoryImportLimits> = {},
): Promise<DirectoryFileParse> {
  const bounds: DirectoryImportLimits = { ...DEFAULT_DIRECTORY_IMPORT_LIMITS, ...limits };
  if (content.length === 0) throw unreadableFile('empty', 'The file is empty');
  if (content.length > bounds.maxBytes) {
    const maxKb = Math.floor(bounds.maxBytes / 1024);
    throw fileTooLarge('bytes', `The file is larger than ${maxKb} KB; import it in parts`, { maxKb });
  }
  const sources = await readSources(content, format, sheet, bounds);
  const rejected: RowRejection[] = [];
  const records = new Map<DirectorySheet, SheetRecord[]>();
  for (const name of DIRECTORY_SHEETS) {
    const source = sources.get(name);
    if (!source) continue;
    const read = readSheetRecords(name, source);
    records.set(name, read.records);
    rejected.push(...read.rejected);
  }
  const rowCount = [...records.values()].reduce((sum, list) => sum + list.length, 0);
  if (rowCount > bounds.maxRows) {
    throw fileTooLarge('rows', `${rowCount} rows, more than the ${bounds.maxRows} of one import; import them in parts`, {
      rows: rowCount,
      maxRows: bounds.maxRows,
    });
  }

  const parsed = {
    units: (records.get('units') ?? []).map(parseUnitRow),
    departments: (records.get('departments') ?? []).map(parseDepartmentRow),
    users: (records.get('users') ?? []).map(parseUserRow),
  };
  const rowRejections: RowRejection[] = [];
  for (const name of DIRECTORY_SHEETS) {
    rowRejections.push(...parsed[name].flatMap((r) => r.rejected), ...duplicateRejections(name, records.get(name) ?? []));
  }
  const order = (r: RowRejection): number => DIRECTORY_SHEETS.indexOf(r.sheet);
  rowRejections.sort((a, b) => order(a) - order(b) || a.row - b.row);
  const rejectedRows = (name: DirectorySheet): Set<number> => new Set(rowRejections.filter((r) => r.sheet === name).map((r) => r.row));
  return {
    import: {
      units: items('units', parsed.units, rejectedRows('units')),
      departments: items('departments', parsed.departments, rejectedRows('departments')),
      users: items('users', parsed.users, rejectedRows('users')),
    },
    rejected: [...rejected, ...rowRejections],
  };
}
