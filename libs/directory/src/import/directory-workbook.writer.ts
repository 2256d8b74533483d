import ExcelJS from 'exceljs';
import { ColumnSpec, DIRECTORY_COLUMNS } from './directory-columns';
import { DIRECTORY_SHEETS, DIRECTORY_SHEET_NAMES, DirectorySheet, enumerationLabels } from './directory-vocabulary';
import { DirectorySnapshot, EMPTY_DIRECTORY_SNAPSHOT, sheetRows } from './export-rows';

/** Rows below the data that still get dropdowns and text format, for the office to add to. */
const ROWS_TO_FILL = 1000;

/** exceljs keeps range data validations but its typings do not declare them. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function validationsOf(worksheet: ExcelJS.Worksheet): RangeValidations {
  return (worksheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** A dropdown of the Chinese labels; other values warn (the import also takes codes and aliases). */
function dropdown(column: ColumnSpec): ExcelJS.DataValidation | null {
  if (!column.enumeration) return null;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${enumerationLabels(column.enumeration).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: column.header,
    error: `请从下拉列表中选择：${enumerationLabels(column.enumeration).join('、')}`,
  };
}

function addSheet(workbook: ExcelJS.Workbook, snapshot: DirectorySnapshot, sheet: DirectorySheet): void {
  const columns = DIRECTORY_COLUMNS[sheet];
  const worksheet = workbook.addWorksheet(DIRECTORY_SHEET_NAMES[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    // Codes, phones and credit codes as text: Excel then keeps leading zeros and all 18 digits.
    ...(c.kind === 'code' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  const rows = sheetRows(snapshot, sheet);
  for (const row of rows) worksheet.addRow(row);
  const lastRow = rows.length + 1 + ROWS_TO_FILL;
  columns.forEach((column, index) => {
    const validation = dropdown(column);
    if (!validation) return;
    const letter = worksheet.getColumn(index + 1).letter;
    validationsOf(worksheet).add(`${letter}2:${letter}${lastRow}`, validation);
  });
}

/** 说明: what each column takes, so the template explains itself. The import ignores this sheet. */
function addGuide(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet('说明');
  guide.columns = [
    { header: '工作表', width: 10 },
    { header: '列', width: 18 },
    { header: '填写要求', width: 70 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const sheet of DIRECTORY_SHEETS) {
    for (const column of DIRECTORY_COLUMNS[sheet]) {
      const need = column.requiredColumn ? '必填' : column.field.startsWith('profile.') ? '医疗机构必填' : '选填';
      const values = column.enumeration ? `；可选：${enumerationLabels(column.enumeration).join('、')}` : '';
      guide.addRow([DIRECTORY_SHEET_NAMES[sheet], column.header, `${need}，最长${column.maxLength}字${values}`]);
    }
  }
}

async function workbookOf(snapshot: DirectorySnapshot, withGuide: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bihuan';
  for (const sheet of DIRECTORY_SHEETS) addSheet(workbook, snapshot, sheet);
  if (withGuide) addGuide(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The directory as an XLSX workbook with sheets 单位 / 科室 / 用户 in the import's format: Chinese
 * labels, bold frozen header, column widths, dropdowns for list columns, text format for codes.
 * parseDirectoryFile reads it back to the same inputs.
 */
export function writeDirectoryWorkbook(snapshot: DirectorySnapshot): Promise<Buffer> {
  return workbookOf(snapshot, false);
}

/** An empty workbook for offices to fill in: the three sheets with headers and dropdowns, and 说明. */
export function directoryTemplate(): Promise<Buffer> {
  return workbookOf(EMPTY_DIRECTORY_SNAPSHOT, true);
}
