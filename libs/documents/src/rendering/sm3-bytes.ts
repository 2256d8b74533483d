import * as crypto from 'node:crypto';

/**
 * SM3 (GB/T 32905) of raw bytes, lowercase hex — the digest recorded for every printed notice.
 * The hash chain's `sm3Hex` (@bihuan/event-store) hashes a string's UTF-8 bytes, which a DOCX is
 * not; this is the same algorithm over the bytes themselves (a spec checks the two agree on text).
 */
export function sm3OfBytes(bytes: Uint8Array): string {
  return crypto.createHash('sm3').update(bytes).digest('hex');
}
