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
  return write(value, false);
}

/**
 * The canonical JSON of `value` as JSON gives it back: `canonicalJson(JSON.parse(JSON.stringify(value)))`,
 * without the round trip when it would change nothing. That is what the store hashes, since what
 * it stores is JSON: a `Date` (or anything with `toJSON`) becomes what `toJSON` returns, `NaN` and
 * `Infinity` become `null`, and so on, exactly as a reader will see them.
 *
 * One pass that gives up at the first value JSON would change (anything with `toJSON`, a boxed
 * primitive or other non-plain object, a non-finite number, a function, symbol or hole); only then
 * is the value round-tripped first. Plain JSON data, i.e. every event the domain writes, never is.
 */
export function canonicalJsonAsRead(value: unknown): string {
  try {
    return write(value, true);
  } catch (error) {
    if (error !== CHANGED_BY_JSON) throw error;
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new Error(`Cannot serialize ${typeof value} in an event`);
    return write(JSON.parse(text), false);
  }
}

/**
 * `canonicalJsonAsRead` of `{ ...base, ...overrides }` without `omit`, without building that object:
 * the store's envelope is the writer's metadata stamped with a few members, for every event.
 */
export function canonicalJsonAsReadMerged(base: object, overrides: Readonly<Record<string, unknown>>, omit: string): string {
  if (isPlainObject(base) && !hasToJson(base)) {
    const keys = Object.keys(base);
    for (const key of Object.keys(overrides)) if (!Object.hasOwn(base, key)) keys.push(key);
    try {
      return writeMembers(keys, base as Readonly<Record<string, unknown>>, overrides, omit, true);
    } catch (error) {
      if (error !== CHANGED_BY_JSON) throw error;
    }
  }
  const merged: Record<string, unknown> = { ...base, ...overrides };
  delete merged[omit];
  return canonicalJsonAsRead(merged);
}

/** Thrown (and caught) by an as-read write at a value a JSON round trip would change. */
const CHANGED_BY_JSON = Symbol('changed by a JSON round trip');

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

/** `asRead`: throw CHANGED_BY_JSON where a JSON round trip would change the value (see canonicalJsonAsRead). */
function write(value: unknown, asRead: boolean): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        if (asRead) throw CHANGED_BY_JSON;
        throw new Error('Non-finite number in event');
      }
      // JSON.stringify writes a finite number as ToString(number): the same text as String().
      return String(value);
    case 'object':
      if (value === null) return 'null';
      if (asRead && hasToJson(value)) throw CHANGED_BY_JSON;
      if (Array.isArray(value)) return writeArray(value, asRead);
      if (asRead && !isPlainObject(value)) throw CHANGED_BY_JSON;
      return writeObject(value as Record<string, unknown>, asRead);
    default:
      if (asRead) throw CHANGED_BY_JSON;
      throw new Error(`Cannot serialize ${typeof value} in an event`);
  }
}

/** JSON.stringify writes what `toJSON` returns instead (a Date's ISO string, say). */
function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** A plain or null prototype: not a boxed primitive, Map, class instance… (those take the round trip). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
}

function writeArray(items: readonly unknown[], asRead: boolean): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    if (!(i in items)) {
      if (asRead) throw CHANGED_BY_JSON;
      continue;
    }
    const item = items[i];
    out += item === undefined ? 'null' : write(item, asRead);
  }
  return `${out}]`;
}

function writeObject(obj: Record<string, unknown>, asRead: boolean): string {
  return writeMembers(Object.keys(obj), obj, undefined, undefined, asRead);
}

/**
 * Writes `keys` of `obj` (a value in `overrides` wins, `omit` is left out). Drops undefined
 * members, then insertion-sorts (few keys, often nearly sorted): the same order as sort().
 */
function writeMembers(
  keys: string[],
  obj: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>> | undefined,
  omit: string | undefined,
  asRead: boolean,
): string {
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === omit || valueOf(obj, overrides, key) === undefined) continue;
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
    out += write(valueOf(obj, overrides, key), asRead);
  }
  return `${out}}`;
}

function valueOf(obj: Readonly<Record<string, unknown>>, overrides: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return overrides !== undefined && Object.hasOwn(overrides, key) ? overrides[key] : obj[key];
}
