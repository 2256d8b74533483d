import ExcelJS from 'exceljs';
import { creditCodeCheckCharacter } from '@bihuan/core';

/** Test support (imported by the import specs only): workbooks, credit codes and GBK bytes. */

export type Cell = string | number | null;

/** A valid 统一社会信用代码 ending a 17-character stem with its check character. */
export function creditCode(stem: string): string {
  const check = creditCodeCheckCharacter(stem);
  if (check === null) throw new Error(`bad stem ${stem}`);
  return stem + check;
}

/** The same code with a wrong check character. */
export function wrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

export const UNIT_HEADER = [
  '单位编码',
  '单位名称',
  '层级',
  '上级单位编码',
  '机构类别',
  '所有制',
  '医院等级',
  '等次',
  '统一社会信用代码',
  '地址',
  '法定代表人',
  '联系电话',
];
export const DEPARTMENT_HEADER = ['科室编码', '所属机构编码', '科室名称'];
export const USER_HEADER = ['用户编码', '登录名', '姓名', '手机号', '角色', '所属单位编码', '科室编码', '状态'];

/** An XLSX workbook built in the spec (no binary fixtures): sheet name → rows (first is the header). */
export async function workbook(
  sheets: Record<string, readonly (readonly Cell[])[]>,
  dress?: (book: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  dress?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let gbkTable: Map<string, number[]> | undefined;

/**
 * Text encoded as GBK (what Excel on Chinese Windows writes for "CSV (逗号分隔)"). Node can only
 * decode GBK, so the table is the decoder's inverse over the two-byte range.
 */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
