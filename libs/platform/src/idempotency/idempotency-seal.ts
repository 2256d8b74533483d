import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { SealedResponse } from './idempotency-store.port';

const INFO = Buffer.from('bihuan idempotency response v1');

/** What a reservation is known by: the store sees these two hashes, never the key or the body. */
export interface KeyMaterial {
  readonly scope: string;
  readonly key: string;
  /** method + URL + canonical JSON of the body. */
  readonly fingerprint: string;
}

export function keyHashOf(m: KeyMaterial): string {
  return createHash('sha256').update(`${m.scope}\n${m.key}`).digest('hex');
}

/** Keyed by the idempotency key, so equal bodies under different keys do not look alike in the table. */
export function fingerprintHashOf(m: KeyMaterial): string {
  return createHmac('sha256', m.key).update(m.fingerprint).digest('hex');
}

/**
 * The answer's key comes from the idempotency key *and* the whole fingerprint (HKDF-SHA256), so a
 * reader of the table who guesses a key (a fold key is a client address) still needs the body.
 */
function keyOf(m: KeyMaterial): Buffer {
  return Buffer.from(hkdfSync('sha256', `${m.scope}\n${m.key}\n${m.fingerprint}`, Buffer.alloc(0), INFO, 32));
}

export function sealResponse(m: KeyMaterial, status: number, body: unknown): SealedResponse {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(m), iv);
  const text = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
  return { status, sealed: Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64') };
}

/** The stored body; throws when the material is not the one it was sealed with (GCM tag). */
export function openResponse(m: KeyMaterial, response: SealedResponse): unknown {
  const raw = Buffer.from(response.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(m), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as unknown;
}
