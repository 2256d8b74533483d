/**
 * The two national identifiers Bihuan reads: an organisation's 统一社会信用代码 (GB 32100-2015),
 * which the directory keeps on every institution and the credit context looks applicants up by,
 * and a person's 公民身份号码 (GB 11643-1999), which the credit context only ever keeps sealed.
 * Pure checks, one home for both contexts.
 */

/** GB 32100: 31 symbols, digits and capitals without I, O, S, V, Z. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31, i = 0 … 16. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a code's first 17 characters; null when they are not 17 symbols of the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码: 18 symbols of the GB 32100 alphabet and a correct check character (case as given). */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** GB 11643: weights 2^(17−i) mod 11 over the first 17 digits; the remainder picks the check character. */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECKS = '10X98765432';

/** The check character (0–9 or X) of an ID number's first 17 digits; null when they are not 17 digits. */
export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECKS[sum % 11]!;
}

/** The birth date an ID number carries (digits 7–14) is a real calendar date from 1900 on. */
function hasBirthDate(id: string): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * 居民身份证号 (公民身份号码, GB 11643): 17 digits — region, birth date, sequence — and a check
 * character 0–9 or X (capital; normaliseResidentId upper-cases a typed x).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id) || !hasBirthDate(id)) return false;
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17];
}

/** What people type: surrounding spaces dropped, letters upper-cased (both identifiers are written in capitals). */
export function normaliseIdentifier(value: string): string {
  return value.trim().toUpperCase();
}
