import { canonicalJson } from './canonical-json';

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
