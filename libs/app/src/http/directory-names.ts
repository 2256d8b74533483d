/** Names of directory ids: units, users and staff (undefined for anything else). */
export type NameOf = (id: string) => string | undefined;

/** How many string values one answer is read for: a long page is named up to here, never slowly. */
export const NAMES_VALUE_LIMIT = 5_000;

/** Nesting deeper than this is not read (answers are shallow; this only bounds a pathological one). */
const MAX_DEPTH = 32;

/**
 * The directory ids among the string values of `body` (walked depth-first, at most `limit` string
 * values), each with its name. Only ids the body itself mentions are named: the reader was allowed
 * to receive the body, so its names reveal no unit or person the reader could not already see.
 */
export function namesIn(body: unknown, nameOf: NameOf, limit = NAMES_VALUE_LIMIT): Record<string, string> {
  const names: Record<string, string> = {};
  let seen = 0;
  const visit = (value: unknown, depth: number): void => {
    if (seen >= limit) return;
    if (typeof value === 'string') {
      seen += 1;
      if (value.length > 0 && value.length <= 200 && !Object.prototype.hasOwnProperty.call(names, value)) {
        const name = nameOf(value);
        if (name !== undefined) names[value] = name;
      }
      return;
    }
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isPlainObject(value)) return;
    // for…in, not Object.values: no array per object (a page of 21 rows was ~3.5 kB of garbage per read).
    for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) visit(value[key], depth + 1);
  };
  visit(body, 0);
  return names;
}

/** A JSON object as controllers return it (not a Buffer, stream, file or Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
