import { canonicalJson, canonicalJsonAsRead, canonicalJsonAsReadMerged } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text for objects built in different key orders', () => {
    expect(canonicalJson({ x: 1, y: '中文' })).toBe(canonicalJson({ y: '中文', x: 1 }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/Non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/Cannot serialize/);
  });
});

/** The reference definition (docs/event-store.md's offline verifier), which the fast writer must match byte for byte. */
const reference = (v: unknown): string =>
  v === null || typeof v !== 'object'
    ? (JSON.stringify(v) as string)
    : Array.isArray(v)
      ? `[${v.map((x: unknown) => (x === undefined ? 'null' : reference(x))).join(',')}]`
      : `{${Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`)
          .join(',')}}`;

describe('canonical JSON against the reference definition', () => {
  const strings = [
    '',
    'a',
    'B',
    'é',
    '中文投诉',
    '\u0000\u001f',
    '\n\t"\\/',
    '\ud800',
    'x\udc00',
    '😀',
    '\u2028',
    '10',
    '2',
    '-1',
    '__proto__',
  ];
  const numbers = [0, -0, 1, -7, 0.1, 1e21, 1e-7, 123456789.125, Number.MAX_SAFE_INTEGER];

  it('matches it on escapes, surrogates, numbers and integer-like keys', () => {
    const keyed = Object.fromEntries(strings.map((s, i) => [s, numbers[i % numbers.length]]));
    const values = [...strings, ...numbers, true, false, null, [1, undefined, 'x'], keyed, { nested: [keyed, [strings]] }];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('matches it on generated documents', () => {
    let seed = 42;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const gen = (depth: number): unknown => {
      const pick = next(10);
      if (depth > 3 || pick < 4) return [...strings, ...numbers, true, null, undefined][next(strings.length + numbers.length + 3)];
      if (pick < 7) return Array.from({ length: next(5) }, () => gen(depth + 1));
      return Object.fromEntries(Array.from({ length: next(6) }, () => [strings[next(strings.length)]!, gen(depth + 1)]));
    };
    for (let i = 0; i < 2000; i++) {
      const doc = { root: gen(0) };
      expect(canonicalJson(doc)).toBe(reference(doc));
    }
  });
});

describe('canonical JSON as read (what the store hashes)', () => {
  const roundTripped = (v: unknown): string => canonicalJson(JSON.parse(JSON.stringify(v)));

  it('equals the canonical JSON of the value after a JSON round trip', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const values: unknown[] = [
      { b: 1, a: [1, 'x', null, { d: true, c: 0.5 }] },
      { at: new Date('2025-03-03T01:00:00.000Z'), nested: { when: new Date(0) } },
      { n: Number.NaN, inf: [Number.POSITIVE_INFINITY, 1] },
      { f: () => 1, s: Symbol('s'), u: undefined, kept: 'yes' },
      [() => 1, Symbol('s'), undefined],
      // A sparse array: JSON gives its holes back as null.
      { holes: [1, , 3] }, // eslint-disable-line no-sparse-arrays
      { boxed: [new String('a'), new Number(2), new Boolean(false)] },
      { point: new Point(1, 2), map: new Map([['a', 1]]) },
      { custom: { toJSON: () => ({ z: 1, a: 2 }) } },
      Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
      { '10': 1, '9': 2, __proto__x: 3, 中文: '投诉' },
    ];
    for (const v of values) expect(canonicalJsonAsRead(v)).toBe(roundTripped(v));
  });

  it('takes no round trip for plain JSON data, and matches canonicalJson there', () => {
    const plain = { title: '手卫生', items: [{ n: 1 }, { n: 2.5, tags: ['a', 'b'] }], ok: true, none: null };
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(canonicalJsonAsRead(plain)).toBe(canonicalJson(plain));
      expect(parse).not.toHaveBeenCalled();
      canonicalJsonAsRead({ at: new Date(0) });
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses what JSON cannot write at all', () => {
    expect(() => canonicalJsonAsRead(undefined)).toThrow(/Cannot serialize/);
    expect(() => canonicalJsonAsRead({ big: BigInt(1) })).toThrow();
  });
});

describe('canonical JSON of a merged envelope', () => {
  const merged = (base: object, overrides: Record<string, unknown>, omit: string): string => {
    const all: Record<string, unknown> = { ...base, ...overrides };
    delete all[omit];
    return canonicalJsonAsRead(all);
  };

  it('equals the canonical JSON of { ...base, ...overrides } without the omitted member', () => {
    const cases: [object, Record<string, unknown>, string][] = [
      [{ eventId: 'e', actor: { unit: 'u', id: 'i' }, causationId: null }, { recordedAt: 't', prevHash: null }, 'hash'],
      [{ eventId: 'e', hash: 'stale', recordedAt: 'old' }, { recordedAt: 'new', prevHash: 'p' }, 'hash'],
      [{ b: undefined, a: 1 }, { c: undefined, d: 2 }, 'x'],
      [{ at: new Date(0), n: Number.NaN }, { z: 1 }, 'hash'],
      [new Date(5), { z: 1 }, 'hash'],
      [{}, { only: true }, 'only'],
    ];
    for (const [base, overrides, omit] of cases)
      expect(canonicalJsonAsReadMerged(base, overrides, omit)).toBe(merged(base, overrides, omit));
  });
});
