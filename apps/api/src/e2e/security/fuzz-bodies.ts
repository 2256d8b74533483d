/**
 * Generates request bodies for one route from its OpenAPI request schema, each INVALID by
 * construction (so none may be accepted, and nothing may be written): the value that makes it
 * invalid is either refused outright by the shared input layer or the DTO, or — for odd values
 * that might be legal (-0, huge ints, numeric strings) — paired with an undeclared key so the
 * validators still meet the odd value. Deterministic: the same seed gives the same bodies.
 */

export interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly maxLength?: number;
  readonly maxItems?: number;
}

export interface FuzzBody {
  readonly label: string;
  readonly contentType: string;
  readonly payload: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: a tiny seeded PRNG, enough for reproducible choices. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export const RESERVED = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const EXTRA = 'fuzzUndeclared';
const LONE = ['\ud800', 'x\udfff', '\udbff@x.cn', 'a\ud83dz'];
/** JSON text spliced into a payload where JSON.stringify cannot express the value. */
const RAW_NUMBERS = ['1e400', '-1e400', '-0', '9007199254740993', '1e-400', '123456789012345678901234567890'];
const DEEP = 40;
const OVERSIZE = 300 * 1024;

export function resolve(schema: Schema, components: Readonly<Record<string, Schema>>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!] ?? {}, components);
  if (schema.allOf && schema.allOf.length > 0) return resolve(schema.allOf[0]!, components);
  return schema;
}

/** A plausible value for the schema (not necessarily valid: patterns and ranges are unknown). */
export function sample(schema: Schema, components: Readonly<Record<string, Schema>>, depth = 0): Json {
  const s = resolve(schema, components);
  if (s.enum && s.enum.length > 0) return s.enum[0] as Json;
  if (s.properties || s.type === 'object') {
    if (depth > 6) return {};
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, components, depth + 1)]));
  }
  switch (s.type) {
    case 'array':
      return s.items ? [sample(s.items, components, depth + 1)] : [];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    default:
      return s.format === 'date-time' ? '2025-03-01T02:00:00.000Z' : s.format === 'date' ? '2025-03-01' : 'x';
  }
}

interface Slot {
  readonly path: readonly string[];
  readonly schema: Schema;
  readonly required: boolean;
}

/** Every property position in the sample body (nested objects and first array items included). */
function slots(schema: Schema, components: Readonly<Record<string, Schema>>, path: readonly string[] = [], depth = 0): Slot[] {
  const s = resolve(schema, components);
  if (depth > 6) return [];
  const own = Object.entries(s.properties ?? {}).flatMap(([key, child]) => {
    const here: Slot = { path: [...path, key], schema: resolve(child, components), required: (s.required ?? []).includes(key) };
    const c = here.schema;
    const inner =
      c.type === 'array' && c.items
        ? slots(c.items, components, [...path, key, '0'], depth + 1)
        : slots(c, components, [...path, key], depth + 1);
    return [here, ...inner];
  });
  return own;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Sets (or with `undefined`, deletes) the value at `path`, creating containers on the way. */
function setAt(root: Json, path: readonly string[], value: Json | undefined): Json {
  const copy = clone(root);
  let node = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function nest(levels: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < levels; i++) value = { n: value };
  return value;
}

/** Values of the wrong type for a slot, refused by any type validator. */
function wrongTypes(s: Schema): Json[] {
  const type = s.enum ? 'enum' : s.properties ? 'object' : (s.type ?? 'string');
  switch (type) {
    case 'number':
    case 'integer':
      return ['12', 'NaN', 'Infinity', true, {}, [1], ''];
    case 'boolean':
      return ['true', 0, 1, {}, []];
    case 'array':
      return ['x', 1, { 0: 'x' }, true];
    case 'object':
      return ['x', 1, [{}], [], true];
    case 'enum':
      return ['not-a-known-value', 1, [s.enum![0] as Json], {}, ''];
    default:
      return s.format === 'date-time' || s.format === 'date'
        ? ['yesterday', '2025-13-45T99:99:99Z', '2025-W10', '2025-123', 20250301, {}, []]
        : [12345, true, {}, ['x']];
  }
}

export function generateBodies(
  schema: Schema | null,
  components: Readonly<Record<string, Schema>>,
  seed: number,
  minimum: number,
): FuzzBody[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const base: Json = schema ? sample(schema, components) : {};
  const all = schema ? slots(schema, components) : [];
  const bodies: FuzzBody[] = [];
  const json = (label: string, value: Json) => bodies.push({ label, contentType: 'application/json', payload: JSON.stringify(value) });
  const raw = (label: string, payload: string, contentType = 'application/json') => bodies.push({ label, contentType, payload });
  const withExtra = (value: Json): Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, [EXTRA]: 1 } : { [EXTRA]: value };
  const containers = [[], ...all.filter((slot) => slot.schema.properties).map((slot) => slot.path)];

  json('extra key', withExtra(base));
  for (const key of RESERVED) {
    const path = pick(containers);
    raw(
      `reserved key ${[...path, key].join('.')}`,
      JSON.stringify(setAt(base, [...path, 'zzReserved'], 1)).replace('"zzReserved"', JSON.stringify(key)),
    );
  }
  for (const slot of all) {
    const at = slot.path.join('.');
    if (slot.required) json(`missing ${at}`, setAt(base, slot.path, undefined));
    if (slot.required) json(`null ${at}`, setAt(base, slot.path, null));
    for (const wrong of wrongTypes(slot.schema)) json(`wrong type ${at}=${JSON.stringify(wrong)}`, setAt(base, slot.path, wrong));
    json(`deep ${at}`, setAt(base, slot.path, nest(DEEP)));
    const s = slot.schema;
    if (s.type === 'string' || s.enum || (!s.type && !s.properties)) {
      for (const lone of LONE) json(`lone surrogate ${at}`, setAt(base, slot.path, lone));
      if (s.maxLength !== undefined) json(`over maxLength ${at}`, setAt(base, slot.path, 'x'.repeat(s.maxLength + 1)));
    }
    if (s.type === 'array') {
      const item = s.items ? sample(s.items, components) : 'x';
      json(
        `over maxItems ${at}`,
        withExtra(
          setAt(
            base,
            slot.path,
            Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => item),
          ),
        ),
      );
    }
    if (s.type === 'number' || s.type === 'integer') {
      for (const number of RAW_NUMBERS)
        raw(`number ${at}=${number}`, JSON.stringify(withExtra(setAt(base, slot.path, 'zzNumber'))).replace('"zzNumber"', number));
    }
  }
  json('lone surrogate in a key', { ...(base as object), ['k\ud800']: 1 } as Json);
  raw('deep body', `${'{"n":'.repeat(5000)}1${'}'.repeat(5000)}`);
  raw('deep arrays', `${'['.repeat(5000)}${']'.repeat(5000)}`);
  raw('oversize string', JSON.stringify(withExtra({ ...(base as object), [EXTRA]: 'x'.repeat(OVERSIZE) } as Json)));
  raw('oversize array', JSON.stringify({ ...(base as object), [EXTRA]: Array.from({ length: OVERSIZE / 2 }, () => 1) }));
  for (const payload of [
    'null',
    '[]',
    `[${JSON.stringify(base)}]`,
    '"x"',
    '0',
    'true',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '\u0000',
    'undefined',
    '{"a":"\\ud800"}',
    '{"__proto__":{"admin":true}}',
  ]) {
    raw(`raw ${payload.slice(0, 20)}`, payload);
  }
  raw('text/plain', JSON.stringify(base), 'text/plain');
  raw('xml', '<complaint><category>fees</category></complaint>', 'application/xml');
  raw('multipart', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--', 'multipart/form-data; boundary=b');
  raw('form with reserved key', 'constructor[prototype][x]=1&a=1', 'application/x-www-form-urlencoded');
  raw('form too deep', `a${'[b]'.repeat(40)}=1`, 'application/x-www-form-urlencoded');
  raw('form extra key', `${EXTRA}=1&${EXTRA}=2`, 'application/x-www-form-urlencoded');
  raw('json charset', JSON.stringify(withExtra(base)), 'application/json; charset=utf-16');

  // Random combinations until the route has its share: several faults in one body.
  while (bodies.length < minimum) {
    let value = base;
    for (let i = 0; i < 3 && all.length > 0; i++) {
      const slot = pick(all);
      value = setAt(value, slot.path, pick([...wrongTypes(slot.schema), pick(LONE), nest(DEEP), null]));
    }
    const junk: Json = pick<Json>([1, 'x', null, [], {}, pick(LONE), nest(DEEP)]);
    json(`combined #${bodies.length}`, { ...(withExtra(value) as object), [`fuzz${Math.floor(random() * 1e6)}`]: junk } as Json);
  }
  return bodies;
}
