import { createCipheriv, createDecipheriv, createHmac, getCiphers, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { privacyError } from '../privacy-errors';

/**
 * The authenticated SM4 envelope. Node 20's OpenSSL 3 offers `sm4-cbc/ctr/cfb/ofb/ecb` but not
 * `sm4-gcm` (checked with `crypto.getCiphers()`), so the scheme is encrypt-then-MAC:
 *
 *   encKey = HKDF-SM3(subjectKey, info "bihuan/pii/v1/sm4-cbc", 16 bytes)
 *   macKey = HKDF-SM3(subjectKey, info "bihuan/pii/v1/hmac-sm3", 32 bytes)
 *   ct     = SM4-CBC(encKey, iv = 16 random bytes, PKCS#7 padding)
 *   tag    = HMAC-SM3(macKey, "sm4cbc-hmacsm3:v1" ‖ 0x1f ‖ subjectId ‖ 0x1f ‖ iv ‖ ct)   (32 bytes)
 *
 * text: `sm4cbc-hmacsm3:v1:<iv b64>:<tag b64>:<ct b64>`. The tag is checked (constant time)
 * before anything is decrypted, and binds the ciphertext to its subject: a ciphertext copied onto
 * another subject, or any flipped bit, is refused as tampered. The `<scheme>:v<n>:` prefix lets
 * a later build add `sm4gcm:v1` when Node ships it, while old ciphertext stays readable.
 */
export const SM4_SCHEME = 'sm4cbc-hmacsm3';
export const SM4_SCHEME_VERSION = 'v1';
const PREFIX = `${SM4_SCHEME}:${SM4_SCHEME_VERSION}`;
const IV_BYTES = 16;
const TAG_BYTES = 32;
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether this Node's OpenSSL offers the ciphers the scheme needs (checked at startup). */
export function sm4Available(): { readonly cbc: boolean; readonly gcm: boolean } {
  const ciphers = getCiphers();
  return { cbc: ciphers.includes('sm4-cbc'), gcm: ciphers.includes('sm4-gcm') };
}

function deriveKeys(subjectKey: Buffer): { enc: Buffer; mac: Buffer } {
  const salt = Buffer.alloc(0);
  return {
    enc: Buffer.from(hkdfSync('sm3', subjectKey, salt, 'bihuan/pii/v1/sm4-cbc', 16)),
    mac: Buffer.from(hkdfSync('sm3', subjectKey, salt, 'bihuan/pii/v1/hmac-sm3', 32)),
  };
}

function tagOf(mac: Buffer, subjectId: string, iv: Buffer, ct: Buffer): Buffer {
  return createHmac('sm3', mac).update(`${PREFIX}\u001f${subjectId}\u001f`, 'utf8').update(iv).update(ct).digest();
}

/** Encrypts UTF-8 plaintext for one subject under its 128-bit key. */
export function sealSm4(subjectKey: Buffer, subjectId: string, plaintext: string): string {
  const { enc, mac } = deriveKeys(subjectKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-cbc', enc, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = tagOf(mac, subjectId, iv, ct);
  enc.fill(0);
  mac.fill(0);
  return `${PREFIX}:${iv.toString('base64')}:${tag.toString('base64')}:${ct.toString('base64')}`;
}

interface Parts {
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ct: Buffer;
}

/** Splits and checks the text form; throws MALFORMED or SCHEME_UNSUPPORTED. */
export function parseSm4(ciphertext: string): Parts {
  if (typeof ciphertext !== 'string') throw privacyError('CIPHERTEXT_MALFORMED', 'Ciphertext must be a string', { field: 'ciphertext' });
  const parts = ciphertext.split(':');
  if (parts.length === 5 && `${parts[0]}:${parts[1]}` !== PREFIX && /^[a-z0-9-]+$/.test(parts[0]!) && /^v\d+$/.test(parts[1]!)) {
    throw privacyError('SCHEME_UNSUPPORTED', `Ciphertext scheme ${parts[0]}:${parts[1]} is not supported (expected ${PREFIX})`, {
      field: 'ciphertext',
    });
  }
  if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== PREFIX || !parts.slice(2).every((p) => B64.test(p))) {
    throw privacyError('CIPHERTEXT_MALFORMED', `Ciphertext is not in the form ${PREFIX}:<iv>:<tag>:<ct>`, { field: 'ciphertext' });
  }
  const [iv, tag, ct] = parts.slice(2).map((p) => Buffer.from(p, 'base64')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ct.length === 0 || ct.length % 16 !== 0) {
    throw privacyError('CIPHERTEXT_MALFORMED', 'Ciphertext has a wrong IV, tag or block length', { field: 'ciphertext' });
  }
  return { iv, tag, ct };
}

/** Verifies the tag, then decrypts. Throws CIPHERTEXT_TAMPERED on any mismatch. */
export function openSm4(subjectKey: Buffer, subjectId: string, ciphertext: string): string {
  const { iv, tag, ct } = parseSm4(ciphertext);
  const { enc, mac } = deriveKeys(subjectKey);
  try {
    if (!timingSafeEqual(tagOf(mac, subjectId, iv, ct), tag)) {
      throw privacyError(
        'CIPHERTEXT_TAMPERED',
        `Ciphertext of subject ${subjectId} failed authentication: altered, or not this subject's`,
        { subjectId },
      );
    }
    const decipher = createDecipheriv('sm4-cbc', enc, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } finally {
    enc.fill(0);
    mac.fill(0);
  }
}
