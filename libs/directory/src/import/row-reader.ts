import { isValidCreditCode } from '@bihuan/core';
import { isValidEmail, isValidPhone } from '../domain/directory-attributes';
import { RowRejection } from '../domain/directory-inputs';
import { EMPTY_CELL, SheetCell, looksLikeScientific, normaliseCode, normaliseText } from './cell-text';
import { ColumnSpec, DIRECTORY_COLUMNS } from './directory-columns';
import { DIRECTORY_SHEET_NAMES, DirectorySheet, Enumeration, enumerationCode, enumerationLabels } from './directory-vocabulary';
import { SheetRecord } from './sheet-header';

/** Codes (单位编码, 科室编码, 用户编码): letters, digits, `-` and `_`, as UnitInput says. */
const CODE = /^[A-Za-z0-9_-]+$/;
/** 登录名: also `.` and `@` (people use their e-mail address or 姓名拼音.工号). */
const USERNAME = /^[A-Za-z0-9_.@-]+$/;

/** `true`: must not be empty; a string: must not be empty, and this is why (医疗机构须填写…). */
export type Requirement = boolean | string;

/**
 * Reads one row's cells into typed values, collecting a rejection for every bad cell instead of
 * stopping at the first, each naming the sheet, row and column as the office sees them.
 */
export class RowReader {
  readonly rejected: RowRejection[] = [];
  private readonly columns: readonly ColumnSpec[];

  constructor(
    private readonly sheet: DirectorySheet,
    private readonly record: SheetRecord,
  ) {
    this.columns = DIRECTORY_COLUMNS[sheet];
  }

  get row(): number {
    return this.record.row;
  }

  reject(field: string, rule: string, problem: string): void {
    const header = this.columns.find((c) => c.field === field)?.header ?? field;
    const message = `${DIRECTORY_SHEET_NAMES[this.sheet]}表第${this.record.row}行「${header}」${problem}`;
    this.rejected.push({ sheet: this.sheet, row: this.record.row, field, rule, message });
  }

  cell(field: string): SheetCell {
    return this.record.cells.get(field) ?? EMPTY_CELL;
  }

  /** Whether the office wrote anything in the column. */
  filled(field: string): boolean {
    return normaliseText(this.cell(field).text) !== '';
  }

  /** Free text (names, addresses); '' when empty and allowed to be. */
  text(field: string, required: Requirement): string {
    return this.checked(field, normaliseText(this.cell(field).text), required);
  }

  /** A code or user name: ASCII letters, digits and the few separators codes use. */
  code(field: string, required: Requirement, pattern: 'code' | 'username' = 'code'): string {
    const value = this.codeText(field, required);
    if (value !== '' && !(pattern === 'code' ? CODE : USERNAME).test(value)) {
      const allowed = pattern === 'code' ? '字母、数字、“-”和“_”' : '字母、数字和“.”“@”“-”“_”';
      this.reject(field, 'DIRECTORY.INVALID_CODE', `只能由${allowed}组成（填写的是“${value}”）`);
      return '';
    }
    return value;
  }

  /** A work e-mail address, optional. */
  email(field: string): string {
    const value = this.codeText(field, false);
    if (value === '' || isValidEmail(value)) return value;
    this.reject(field, 'DIRECTORY.INVALID_EMAIL', `格式不正确：应为电子邮箱地址（如 zhang.san@wjw.example.cn），填写的是“${value}”`);
    return '';
  }

  /** A mobile number or a landline with its area code; a leading 0 that Excel dropped is put back. */
  phone(field: string, required: Requirement): string {
    const value = this.codeText(field, required);
    if (value === '' || isValidPhone(value)) return value;
    if (this.cell(field).fromNumber && isValidPhone(`0${value}`)) return `0${value}`;
    this.reject(field, 'DIRECTORY.INVALID_PHONE', `格式不正确：应为11位手机号或带区号的固定电话（如010-88886666），填写的是“${value}”`);
    return '';
  }

  /** 统一社会信用代码: 18 characters from the GB 32100 alphabet and a correct check character. */
  creditCode(field: string, required: Requirement): string {
    const value = this.codeText(field, required).toUpperCase();
    if (value === '' || isValidCreditCode(value)) return value;
    const wellFormed = /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value);
    this.reject(
      field,
      'DIRECTORY.INVALID_CREDIT_CODE',
      wellFormed ? '校验位不正确' : `应为18位数字或大写字母（不含I、O、S、V、Z），填写的是“${value}”`,
    );
    return '';
  }

  /** A value of a closed list, by label, code or a common alias; null when empty or unknown. */
  choice<C extends string>(field: string, list: Enumeration<C>, required: Requirement): C | null {
    const value = this.checked(field, normaliseText(this.cell(field).text), required);
    if (value === '') return null;
    const code = enumerationCode(list, value);
    if (code === null) {
      this.reject(field, 'DIRECTORY.UNKNOWN_VALUE', `“${value}”不是可选值，应为：${enumerationLabels(list).join('、')}`);
    }
    return code;
  }

  private codeText(field: string, required: Requirement): string {
    const cell = this.cell(field);
    const value = normaliseCode(cell.text);
    if (cell.lostPrecision || looksLikeScientific(value)) {
      this.reject(field, 'DIRECTORY.NUMBER_PRECISION_LOST', '被保存为数字，超过15位的部分已被Excel改动：请将该列设为“文本”格式后重新填写');
      return '';
    }
    return this.checked(field, value, required);
  }

  private checked(field: string, value: string, required: Requirement): string {
    if (value === '') {
      if (required !== false) this.reject(field, 'DIRECTORY.REQUIRED', required === true ? '不能为空' : required);
      return '';
    }
    const maxLength = this.columns.find((c) => c.field === field)?.maxLength ?? 100;
    if ([...value].length > maxLength) {
      this.reject(field, 'DIRECTORY.TOO_LONG', `不能超过${maxLength}个字符（现有${[...value].length}个）`);
      return '';
    }
    return value;
  }
}
