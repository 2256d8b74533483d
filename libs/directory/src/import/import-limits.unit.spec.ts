import ExcelJS from 'exceljs';
import { isDomainError } from '@bihuan/core';
import { DEPARTMENT_HEADER, USER_HEADER, workbook } from './directory-import.spec-support';
import { parseDirectoryFile } from './parse-directory-file';

/** Deterministic noise: bytes no spreadsheet program writes. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; kind: string; field: unknown }> {
  try {
    await promise;
  } catch (error: unknown) {
    if (isDomainError(error)) return { code: error.code, kind: error.kind, field: error.details.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

const INVALID = { code: 'DIRECTORY.IMPORT_FILE_INVALID', kind: 'validation', field: 'file' };
const TOO_LARGE = { code: 'DIRECTORY.IMPORT_FILE_TOO_LARGE', kind: 'validation', field: 'file' };

describe('parseDirectoryFile on files it cannot take', () => {
  it.each([
    ['empty', Buffer.alloc(0), 'xlsx'],
    ['noise as XLSX', noise(4096), 'xlsx'],
    ['a zip signature followed by noise', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(4096)]), 'xlsx'],
    ['noise as CSV', noise(4096), 'csv'],
    ['a PDF as CSV', Buffer.from('%PDF-1.7\n\u0000\u0001binary', 'latin1'), 'csv'],
  ] as const)('refuses %s with a typed error', async (_label, bytes, format) => {
    expect(await refusal(parseDirectoryFile(bytes, format, 'users'))).toEqual(INVALID);
  });

  it('refuses a truncated workbook and a workbook sent as CSV', async () => {
    const file = await workbook({ 用户: [USER_HEADER] });
    expect(await refusal(parseDirectoryFile(file.subarray(0, file.length - 200), 'xlsx'))).toEqual(INVALID);
    expect(await refusal(parseDirectoryFile(file, 'csv'))).toEqual(INVALID);
  });

  it('refuses a workbook without any directory sheet', async () => {
    const file = await workbook({
      Sheet1: [
        ['甲', '乙'],
        ['1', '2'],
      ],
    });
    expect(await refusal(parseDirectoryFile(file, 'xlsx'))).toEqual(INVALID);
  });

  it('refuses a file over the byte limit before reading it', async () => {
    expect(await refusal(parseDirectoryFile(noise(2048), 'xlsx', undefined, { maxBytes: 1024 }))).toEqual(TOO_LARGE);
  });

  it('refuses a workbook whose zip directory says it unpacks to more than allowed, before unpacking', async () => {
    const rows = [DEPARTMENT_HEADER, ...Array.from({ length: 2000 }, (_, i) => [`D${i}`, 'H1', '心血管内科'.repeat(20)])];
    const file = await workbook({ 科室: rows });
    expect(file.length).toBeLessThan(100 * 1024);
    expect(await refusal(parseDirectoryFile(file, 'xlsx', undefined, { maxUnpackedBytes: 200 * 1024 }))).toEqual(TOO_LARGE);
    await expect(parseDirectoryFile(file, 'xlsx')).resolves.toMatchObject({ rejected: [] });
  });

  it('refuses more data rows than allowed, in XLSX and CSV', async () => {
    const rows = [DEPARTMENT_HEADER, ['D1', 'H1', '甲'], ['D2', 'H1', '乙'], ['D3', 'H1', '丙']];
    const xlsx = await workbook({ 科室: rows });
    const csv = Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
    expect(await refusal(parseDirectoryFile(xlsx, 'xlsx', undefined, { maxRows: 2 }))).toEqual(TOO_LARGE);
    expect(await refusal(parseDirectoryFile(csv, 'csv', undefined, { maxRows: 2 }))).toEqual(TOO_LARGE);
    await expect(parseDirectoryFile(csv, 'csv', undefined, { maxRows: 3 })).resolves.toMatchObject({ rejected: [] });
  });

  it('skips empty formatted rows, but refuses a sheet with far more of them than data rows allowed', async () => {
    const file = await workbook({ 科室: [DEPARTMENT_HEADER, ['D1', 'H1', '儿科']] }, (book: ExcelJS.Workbook) => {
      const sheet = book.getWorksheet('科室')!;
      for (let row = 3; row <= 1200; row++) sheet.getCell(row, 1).border = { top: { style: 'thin' } };
    });
    const { import: parsed } = await parseDirectoryFile(file, 'xlsx', undefined, { maxRows: 100 });
    expect(parsed.departments.map((d) => d.ref.row)).toEqual([2]);
    expect(await refusal(parseDirectoryFile(file, 'xlsx', undefined, { maxRows: 10 }))).toEqual(TOO_LARGE);
  });

  it('stops reading a CSV of endless empty lines at the row cap', async () => {
    const csv = Buffer.from(`${DEPARTMENT_HEADER.join(',')}\n${'\n'.repeat(5000)}D1,H1,甲\n`, 'utf8');
    expect(await refusal(parseDirectoryFile(csv, 'csv', undefined, { maxRows: 10 }))).toEqual(TOO_LARGE);
  });

  it('reads a workbook whose dropdowns cover whole columns (exceljs would list every cell)', async () => {
    const file = await workbook({ 科室: [DEPARTMENT_HEADER, ['D1', 'H1', '儿科']] }, (book: ExcelJS.Workbook) => {
      const sheet = book.getWorksheet('科室') as unknown as { dataValidations: { add(range: string, v: object): void } };
      sheet.dataValidations.add('A1:L1048576', { type: 'list', allowBlank: true, formulae: ['"甲,乙"'] });
    });
    const { import: parsed } = await parseDirectoryFile(file, 'xlsx');
    expect(parsed.departments.map((d) => d.input.name)).toEqual(['儿科']);
  });
});
