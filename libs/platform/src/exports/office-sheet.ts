import type ExcelJS from 'exceljs';
import { clipCodePoints } from './code-points';
import { DATE_FORMAT, DATE_TIME_FORMAT, shanghaiDateWords } from './office-dates';
import { bodyCells, officeRowHeight } from './office-row-height';
import { OfficeColumn, OfficeColumnKind, OfficeSheetLayout, OfficeSheetSpec, OfficeValue } from './office-sheet.types';
import { ensureXlsxTextIntegrity } from './xlsx-text-integrity';

/** 宋体 (SimSun) with the GB2312 charset: what WPS and Excel on office machines render CJK text with. */
export const OFFICE_FONT = '宋体';
const BODY: Partial<ExcelJS.Font> = { name: OFFICE_FONT, size: 11, charset: 134 };
const HEADER: Partial<ExcelJS.Font> = { ...BODY, bold: true };
const TITLE: Partial<ExcelJS.Font> = { ...BODY, size: 16, bold: true };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FORMATS: Readonly<Record<OfficeColumnKind, string | undefined>> = {
  text: undefined,
  number: '0',
  date: DATE_FORMAT,
  dateTime: DATE_TIME_FORMAT,
  percent: '0.0%',
};

export const DEFAULT_SIGNATURES = ['填报人：', '审核人：', '单位（盖章）：'] as const;

/**
 * A workbook with the properties every export carries. exceljs is loaded here, on first use, not
 * when @bihuan/platform is imported: it takes over half a second to load, which every process
 * (the CLI above all) would otherwise pay at start.
 */
export async function newOfficeWorkbook(title: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Bihuan';
  workbook.title = title;
  return workbook;
}

function mergeAcross(sheet: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
}

function bodyCell(cell: ExcelJS.Cell, column: OfficeColumn<unknown>, value: OfficeValue): void {
  cell.value = value;
  cell.font = BODY;
  cell.border = THIN;
  const kind = column.kind ?? 'text';
  const numFmt = FORMATS[kind];
  if (numFmt) cell.numFmt = numFmt;
  cell.alignment = kind === 'text' ? { wrapText: true, vertical: 'middle' } : { horizontal: 'center', vertical: 'middle' };
}

/** The signature segments spread over the width: 填报人 … 审核人 … 单位（盖章）… 填报日期. */
function addSignatures(sheet: ExcelJS.Worksheet, at: number, lines: readonly string[], columns: number): void {
  const n = lines.length;
  lines.forEach((text, i) => {
    const from = Math.floor((i * columns) / n) + 1;
    const to = Math.max(from, Math.floor(((i + 1) * columns) / n));
    const cell = sheet.getCell(at, from);
    cell.value = text;
    cell.font = BODY;
    cell.alignment = { vertical: 'middle' };
    mergeAcross(sheet, at, from, to);
  });
  sheet.getRow(at).height = 30;
}

/**
 * Adds one office sheet: title, header row repeated on print, bordered rows, totals, signature lines;
 * A4 landscape fitted to one page wide; CJK font; real date cells. Returns where each part landed.
 */
export function addOfficeSheet<R>(workbook: ExcelJS.Workbook, spec: OfficeSheetSpec<R>): OfficeSheetLayout {
  const columns = spec.columns as readonly OfficeColumn<unknown>[];
  const width = columns.length;
  let at = 1;
  const titleRow = at++;
  const subtitleRow = spec.subtitle === undefined ? null : at++;
  const headerRow = at++;
  const sheet = workbook.addWorksheet(clipCodePoints(spec.sheetName.replace(/[\\/?*[\]:]/g, ' '), 31), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const title = sheet.getCell(titleRow, 1);
  title.value = spec.title;
  title.font = TITLE;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(titleRow).height = 32;
  mergeAcross(sheet, titleRow, 1, width);
  if (subtitleRow !== null) {
    const sub = sheet.getCell(subtitleRow, 1);
    sub.value = spec.subtitle ?? '';
    sub.font = BODY;
    sub.alignment = { horizontal: 'center', vertical: 'middle' };
    mergeAcross(sheet, subtitleRow, 1, width);
  }

  columns.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = HEADER;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });

  at = headerRow + 1;
  sheet.getRow(headerRow).height = officeRowHeight(columns.map((c) => ({ text: c.header, width: c.width })));
  for (const row of spec.rows) {
    const values = columns.map((c) => c.value(row));
    columns.forEach((c, i) => bodyCell(sheet.getCell(at, i + 1), c, values[i] ?? null));
    sheet.getRow(at).height = officeRowHeight(bodyCells(columns, values));
    at++;
  }
  let totalsRow: number | null = null;
  if (spec.totals) {
    totalsRow = at++;
    columns.forEach((c, i) => {
      const cell = sheet.getCell(totalsRow!, i + 1);
      bodyCell(cell, c, spec.totals?.[i] ?? null);
      cell.font = HEADER;
    });
    sheet.getRow(totalsRow).height = officeRowHeight(bodyCells(columns, spec.totals));
  }
  let signatureRow: number | null = null;
  if (spec.signatures !== false) {
    signatureRow = at + 1; // one blank row under the table
    const lines = [...(spec.signatures ?? DEFAULT_SIGNATURES), `填报日期：${shanghaiDateWords(spec.generatedAt)}`];
    addSignatures(sheet, signatureRow, lines, width);
  }
  return { titleRow, headerRow, firstDataRow: headerRow + 1, totalsRow, signatureRow };
}

/** The XLSX bytes of a workbook, every character intact whatever the size (see xlsx-text-integrity.ts). */
export async function writeOfficeWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  ensureXlsxTextIntegrity();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One office sheet as an XLSX file. */
export async function officeXlsx<R>(spec: OfficeSheetSpec<R>): Promise<Buffer> {
  const workbook = await newOfficeWorkbook(spec.title);
  addOfficeSheet(workbook, spec);
  return writeOfficeWorkbook(workbook);
}
