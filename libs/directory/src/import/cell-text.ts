/**
 * A cell as the row parsers see it, whatever the file was: its text, and whether a spreadsheet kept
 * it as a number (then leading zeros may be gone, and past 15 digits the number itself is wrong).
 */
export interface SheetCell {
  readonly text: string;
  readonly fromNumber: boolean;
  /** An integer too long for a spreadsheet number (Excel keeps 15 significant digits). */
  readonly lostPrecision: boolean;
}

export const EMPTY_CELL: SheetCell = { text: '', fromNumber: false, lostPrecision: false };

/** Zero-width characters and the BOM, which copy-paste from web pages and Word leaves in cells. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ), as Chinese input methods type them. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
/** Every full-width ASCII character (！ to ～): in codes, punctuation too (－ in 010－88886666). */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

function halfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Free text (names, addresses): invisible characters removed, full-width digits and letters made
 * ordinary, runs of white space (ideographic space and non-breaking space too) made one, trimmed.
 * Chinese punctuation such as （） stays as typed.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_ALNUM, halfWidth)
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}

/** Codes, phones, user names: all full-width ASCII made ordinary and no white space at all. */
export function normaliseCode(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_ASCII, halfWidth)
    .replace(/[\s\u3000\u00A0]+/g, '');
}

/** A header as offices decorate it: `*单位编码`, `联系电话（选填）`, `单位 名称` all name their column. */
export function normaliseHeader(raw: string): string {
  return normaliseText(raw)
    .replace(/[*＊]/g, '')
    .replace(/[(（][^()（）]*[)）]$/, '')
    .replace(/\s+/g, '');
}

/** A cell holding text (CSV, or an XLSX text cell). */
export function textCell(text: string): SheetCell {
  return { text, fromNumber: false, lostPrecision: false };
}

/**
 * A number cell turned back into the text the office typed: integers without exponent or `.0`,
 * padded with the zeros of a `0000…` number format (how Excel shows leading zeros on numbers).
 */
export function numberCell(value: number, numFmt?: string): SheetCell {
  if (!Number.isFinite(value)) return textCell('');
  if (!Number.isInteger(value)) return { text: String(value), fromNumber: true, lostPrecision: false };
  const digits = BigInt(value).toString();
  const magnitude = digits.replace('-', '');
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  const text = magnitude.length < zeros ? magnitude.padStart(zeros, '0') : digits;
  return { text, fromNumber: true, lostPrecision: magnitude.length > 15 };
}

/** `1.23457E+17` in a CSV code column: Excel saved a long number in scientific notation. */
export function looksLikeScientific(text: string): boolean {
  return /^\d(\.\d+)?E\+\d+$/i.test(text);
}
