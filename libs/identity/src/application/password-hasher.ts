import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt from node:crypto (memory-hard, no native build: docs/adr/0008-sign-in-and-sessions.md).
 * N = 2^15, r = 8, p = 1 → 32 MiB and ~50–100 ms per hash on a server core (OWASP's scrypt floor is
 * N = 2^17 at r = 8 for 128 MiB; 2^15 keeps a sign-in burst from exhausting a small host's memory).
 * Stored as `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`: the parameters travel with each hash, so
 * raising them later re-hashes nobody and still verifies every older hash.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const powerOfTwo = Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0;
  if (!powerOfTwo || ![r, p].every((x) => Number.isInteger(x) && x > 0 && x <= 32)) return false;
  const expected = Buffer.from(parts[5]!, 'base64');
  try {
    const actual = await derive(password, Buffer.from(parts[4]!, 'base64'), n, r, p);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows, checked when the user is unknown or has no password, so that the
 * answer takes as long as for a known user (the same 401 either way: no user enumeration by time).
 */
let decoy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(password, await decoy);
}

/** A one-time password people can type: 16 characters from four classes, no look-alikes (0/O, 1/l/I). */
export function oneTimePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=@'];
  const pick = (set: string): string => set[randomBytes(1)[0]! % set.length]!;
  const chars = [...sets.map(pick), ...Array.from({ length: 12 }, () => pick(sets.slice(0, 3).join('')))];
  // Shuffle so the class-guaranteeing characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBytes(1)[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
