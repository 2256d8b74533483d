/**
 * The opaque `cursor` of a list page: the sort keys of the last row a page showed and how many rows
 * came before the next one (for 序号 numbering), as base64url JSON. Clients only ever hand back a
 * `nextCursor` they were given; anything else is refused as 400 naming `cursor`.
 */
export type CursorValue = string | number;

export interface DecodedCursor {
  /** The sort keys of the last row shown, in ORDER BY order. */
  readonly after: readonly CursorValue[];
  /** Rows before the page this cursor opens. */
  readonly before: number;
}

const SHAPE = /^[A-Za-z0-9_-]{1,1024}$/;
const MAX_KEYS = 8;

export function encodeCursor(cursor: DecodedCursor): string {
  return Buffer.from(JSON.stringify([...cursor.after, cursor.before]), 'utf8').toString('base64url');
}

const isKey = (v: unknown): v is CursorValue => (typeof v === 'string' && v.length <= 512) || (typeof v === 'number' && Number.isFinite(v));

/** The cursor `text` stands for, or null when it is not one this API made. */
export function decodeCursor(text: unknown): DecodedCursor | null {
  if (typeof text !== 'string' || !SHAPE.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > MAX_KEYS + 1) return null;
  const before = parsed[parsed.length - 1] as unknown;
  const after = parsed.slice(0, -1) as unknown[];
  if (!Number.isSafeInteger(before) || (before as number) < 0 || !after.every(isKey)) return null;
  return { after, before: before as number };
}
