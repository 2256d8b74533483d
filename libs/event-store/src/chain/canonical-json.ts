/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped.
 * The hash chain is computed over this form, so every adapter (and an offline verifier)
 * derives the same bytes from the same event.
 *
 * It runs for every appended event, so it is written as one pass that appends to a string
 * (no per-level arrays, `map`, `filter` or `join`); the output is exactly that of the reference
 * definition in docs/event-store.md: keys in `sort()` order (UTF-16 code units, which is what `<`
 * compares), strings, keys and numbers as `JSON.stringify` writes them, `undefined` array items as
 * `null`, holes in sparse arrays as nothing (as `Array.prototype.map` + `join` leave them).
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

/** Quoted keys: an event type has a handful of keys, seen again in every event. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

/** Characters JSON.stringify escapes (quote, backslash, controls) or may escape (lone surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** As JSON.stringify quotes a string; most strings need no escape, and then a regex is cheaper. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('Non-finite number in event');
      // JSON.stringify writes a finite number as ToString(number): the same text as String().
      return String(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      throw new Error(`Cannot serialize ${typeof value} in an event`);
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    if (!(i in items)) continue;
    const item = items[i];
    out += item === undefined ? 'null' : write(item);
  }
  return `${out}]`;
}

function writeObject(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj);
  // Drop undefined members, then insertion-sort (few keys, often nearly sorted): same order as sort().
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (obj[key] === undefined) continue;
    let j = n++;
    while (j > 0 && keys[j - 1]! > key) {
      keys[j] = keys[j - 1]!;
      j--;
    }
    keys[j] = key;
  }
  let out = '{';
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (i > 0) out += ',';
    out += quoteKey(key);
    out += ':';
    out += write(obj[key]);
  }
  return `${out}}`;
}
