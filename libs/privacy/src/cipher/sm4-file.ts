import { createCipheriv, createDecipheriv, createHash, createHmac, Hmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { privacyError } from '../privacy-errors';

/**
 * The SM4 envelope (sm4-envelope.ts) for files that must never be whole in memory: a
 * complainant's evidence. Same construction — SM4-CBC then HMAC-SM3, keys by HKDF-SM3 — with its
 * own HKDF labels, so a file key is never the key of the identity text:
 *
 *   encKey = HKDF-SM3(subjectKey, info "bihuan/file/v1/sm4-cbc", 16 bytes)
 *   macKey = HKDF-SM3(subjectKey, info "bihuan/file/v1/hmac-sm3", 32 bytes)
 *   file   = header ‖ SM4-CBC(encKey, iv, PKCS#7) ‖ tag
 *   header = "BHSF" ‖ version 0x01 ‖ iv (16 random bytes)                    (21 bytes)
 *   tag    = HMAC-SM3(macKey, "sm4cbc-hmacsm3-file:v1" ‖ 0x1f ‖ subjectId ‖ 0x1f ‖ header ‖ ct)
 *
 * The tag trails the ciphertext because encryption streams. Decryption reads the file twice:
 * once to authenticate (nothing is decrypted from a file that fails), once to decrypt, checking
 * the tag again so bytes swapped between the passes still fail the stream.
 */
const MAGIC = Buffer.from('BHSF', 'ascii');
const VERSION = 1;
const IV_BYTES = 16;
const TAG_BYTES = 32;
export const SM4_FILE_HEADER_BYTES = MAGIC.length + 1 + IV_BYTES;
const LABEL = 'sm4cbc-hmacsm3-file:v1';

/** Bytes of the sealed form of a file of `plainSize` bytes (header, padded ciphertext, tag). */
export function sealedFileSize(plainSize: number): number {
  return SM4_FILE_HEADER_BYTES + (Math.floor(plainSize / 16) + 1) * 16 + TAG_BYTES;
}

interface FileKeys {
  readonly enc: Buffer;
  readonly mac: Buffer;
}

function deriveFileKeys(subjectKey: Buffer): FileKeys {
  const salt = Buffer.alloc(0);
  return {
    enc: Buffer.from(hkdfSync('sm3', subjectKey, salt, 'bihuan/file/v1/sm4-cbc', 16)),
    mac: Buffer.from(hkdfSync('sm3', subjectKey, salt, 'bihuan/file/v1/hmac-sm3', 32)),
  };
}

function wipe(keys: FileKeys): void {
  keys.enc.fill(0);
  keys.mac.fill(0);
}

function macOf(keys: FileKeys, subjectId: string, header: Buffer): Hmac {
  return createHmac('sm3', keys.mac).update(`${LABEL}\u001f${subjectId}\u001f`, 'utf8').update(header);
}

/** What sealing wrote: the sealed file's size and SM3 (its address in a content-addressed store). */
export interface SealedFileInfo {
  readonly size: number;
  readonly sm3: string;
}

/**
 * Encrypts the file at `source` for one subject into a new file `target` (created 0600; refused
 * if it exists), streaming. On failure the partial target is removed.
 */
export async function sealFileSm4(subjectKey: Buffer, subjectId: string, source: string, target: string): Promise<SealedFileInfo> {
  const keys = deriveFileKeys(subjectKey);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), iv]);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const mac = macOf(keys, subjectId, header);
  const digest = createHash('sm3');
  let size = 0;
  const out = (bytes: Buffer): Buffer => {
    digest.update(bytes);
    size += bytes.length;
    return bytes;
  };
  try {
    await pipeline(
      createReadStream(source),
      async function* (plain: AsyncIterable<Buffer>) {
        yield out(header);
        for await (const chunk of plain) {
          const ct = cipher.update(chunk);
          mac.update(ct);
          if (ct.length > 0) yield out(ct);
        }
        const last = cipher.final();
        mac.update(last);
        yield out(last);
        yield out(mac.digest());
      },
      createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true }),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(target, { force: true });
    throw error;
  } finally {
    wipe(keys);
  }
  return { size, sm3: digest.digest('hex') };
}

type Frame = { readonly header: Buffer } | { readonly body: Buffer } | { readonly tag: Buffer };

/** Splits a sealed file's bytes into its header, ciphertext chunks and trailing tag, holding back only the tag's bytes. */
async function* framesOf(source: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let bodyBytes = 0;
  for await (const chunk of source) {
    let rest = chunk;
    if (head.length < SM4_FILE_HEADER_BYTES) {
      const need = SM4_FILE_HEADER_BYTES - head.length;
      head = Buffer.concat([head, rest.subarray(0, need)]);
      rest = rest.subarray(need);
      if (head.length < SM4_FILE_HEADER_BYTES) continue;
      checkHeader(head);
      yield { header: head };
    }
    const pending = tail.length === 0 ? rest : Buffer.concat([tail, rest]);
    const cut = Math.max(0, pending.length - TAG_BYTES);
    tail = Buffer.from(pending.subarray(cut));
    if (cut > 0) {
      bodyBytes += cut;
      yield { body: pending.subarray(0, cut) };
    }
  }
  if (head.length < SM4_FILE_HEADER_BYTES || tail.length < TAG_BYTES || bodyBytes === 0 || bodyBytes % 16 !== 0) {
    throw privacyError('CIPHERTEXT_MALFORMED', 'Sealed file is truncated or has a wrong block length', { field: 'file' });
  }
  yield { tag: tail };
}

function checkHeader(header: Buffer): void {
  if (!header.subarray(0, MAGIC.length).equals(MAGIC))
    throw privacyError('CIPHERTEXT_MALFORMED', 'Not a sealed file (bad magic)', { field: 'file' });
  const version = header[MAGIC.length];
  if (version !== VERSION)
    throw privacyError('SCHEME_UNSUPPORTED', `Sealed file version ${version} is not supported (expected ${VERSION})`, { field: 'file' });
}

function tampered(subjectId: string): Error {
  return privacyError('CIPHERTEXT_TAMPERED', `Sealed file of subject ${subjectId} failed authentication: altered, or not this subject's`, {
    subjectId,
  });
}

function sameTag(mac: Hmac, tag: Buffer): boolean {
  return timingSafeEqual(mac.digest(), tag);
}

/**
 * Authenticates the sealed bytes `open()` yields (a first full pass), then opens them again and
 * returns the plaintext as a stream. Throws `PRIVACY.CIPHERTEXT_TAMPERED` before any plaintext
 * when the tag does not match (altered bytes, or another subject's file), `CIPHERTEXT_MALFORMED` /
 * `SCHEME_UNSUPPORTED` for what is not a sealed file of this version. The caller may wipe
 * `subjectKey` once this resolves.
 */
export async function openSealedFileSm4(subjectKey: Buffer, subjectId: string, open: () => Promise<Readable>): Promise<Readable> {
  const keys = deriveFileKeys(subjectKey);
  try {
    let mac: Hmac | null = null;
    for await (const frame of framesOf(await open())) {
      if ('header' in frame) mac = macOf(keys, subjectId, frame.header);
      else if ('body' in frame) mac!.update(frame.body);
      else if (!sameTag(mac!, frame.tag)) throw tampered(subjectId);
    }
  } catch (error) {
    wipe(keys);
    throw error;
  }
  const source = await open().catch((error: unknown) => {
    wipe(keys);
    throw error;
  });
  return Readable.from(decrypted(keys, subjectId, source), { objectMode: false });
}

async function* decrypted(keys: FileKeys, subjectId: string, source: Readable): AsyncGenerator<Buffer> {
  try {
    let mac: Hmac | null = null;
    let decipher: ReturnType<typeof createDecipheriv> | null = null;
    for await (const frame of framesOf(source)) {
      if ('header' in frame) {
        mac = macOf(keys, subjectId, frame.header);
        decipher = createDecipheriv('sm4-cbc', keys.enc, frame.header.subarray(MAGIC.length + 1));
      } else if ('body' in frame) {
        mac!.update(frame.body);
        const plain = decipher!.update(frame.body);
        if (plain.length > 0) yield plain;
      } else {
        if (!sameTag(mac!, frame.tag)) throw tampered(subjectId);
        const last = decipher!.final();
        if (last.length > 0) yield last;
      }
    }
  } finally {
    source.destroy();
    wipe(keys);
  }
}
