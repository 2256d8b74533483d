/**
 * A seeded, portable PRNG for the 双随机 draw, so that anyone can re-run a published draw from its
 * recorded seed. cyrb128 (a small non-cryptographic string hash) turns the seed text into four
 * 32-bit words; sfc32 (Chris Doty-Humphrey's Small Fast Counter) generates from them. Only 32-bit
 * integer operations (Math.imul, >>>, |0) are used, so every JavaScript engine gives the same stream.
 * Not for secrets: the draw's fairness rests on publishing the seed, not on hiding it.
 */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of uint32 values from a seed string; `next()` in [0, 2^32). */
export interface SeededRandom {
  nextUint32(): number;
  /** A float in [0, 1): nextUint32() / 2^32. */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
}

/** sfc32 seeded with cyrb128(seed); the first 15 outputs are discarded to mix the state. */
export function seededRandom(seed: string): SeededRandom {
  let [a, b, c, d] = cyrb128(seed);
  const nextUint32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i += 1) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return { nextUint32, next, below: (n: number) => Math.floor(next() * n) };
}
