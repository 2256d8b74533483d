import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isDomainError } from '@bihuan/core';
import { openSealedFileSm4, sealedFileSize, sealFileSm4, SM4_FILE_HEADER_BYTES } from './sm4-file';

const key = randomBytes(16);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sealed files (SM4-CBC + HMAC-SM3, streamed)', () => {
  let dir: string;
  let plainPath: string;
  let sealedPath: string;
  const plain = randomBytes(1024 * 1024 + 5); // several stream chunks, not a block multiple
  const openSealed =
    (path = sealedPath) =>
    async () =>
      createReadStream(path, { highWaterMark: 1000 });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sm4-file-'));
    plainPath = join(dir, 'plain');
    sealedPath = join(dir, 'plain.sealed');
    writeFileSync(plainPath, plain);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a file and reports the sealed size and SM3 of what it wrote', async () => {
    const info = await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    const sealed = readFileSync(sealedPath);
    expect(info).toEqual({ size: sealed.length, sm3: createHash('sm3').update(sealed).digest('hex') });
    expect(info.size).toBe(sealedFileSize(plain.length));
    expect(statSync(sealedPath).mode & 0o777).toBe(0o600);
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('BHSF');
    expect(sealed.includes(plain.subarray(100, 132))).toBe(false);
    expect((await bytesOf(await openSealedFileSm4(key, 'subj-1', openSealed()))).equals(plain)).toBe(true);
  });

  it('round-trips an empty file', async () => {
    writeFileSync(plainPath, Buffer.alloc(0));
    const info = await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    expect(info.size).toBe(sealedFileSize(0));
    expect((await bytesOf(await openSealedFileSm4(key, 'subj-1', openSealed()))).length).toBe(0);
  });

  it('refuses to overwrite an existing target', async () => {
    writeFileSync(sealedPath, 'keep me');
    await expect(sealFileSm4(key, 'subj-1', plainPath, sealedPath)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(sealedPath, 'utf8')).toBe('keep me');
  });

  it.each([
    ['the IV', SM4_FILE_HEADER_BYTES - 1],
    ['the ciphertext', SM4_FILE_HEADER_BYTES + 5000],
    ['the tag', -1],
  ])('refuses a file with a flipped bit in %s before yielding any plaintext', async (_, at) => {
    await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    const sealed = readFileSync(sealedPath);
    const index = at < 0 ? sealed.length + at : at;
    sealed[index] = sealed[index]! ^ 0x01;
    writeFileSync(sealedPath, sealed);
    expect(await codeOf(openSealedFileSm4(key, 'subj-1', openSealed()))).toBe('PRIVACY.CIPHERTEXT_TAMPERED');
  });

  it("refuses another subject's file and a wrong key", async () => {
    await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    expect(await codeOf(openSealedFileSm4(key, 'subj-2', openSealed()))).toBe('PRIVACY.CIPHERTEXT_TAMPERED');
    expect(await codeOf(openSealedFileSm4(randomBytes(16), 'subj-1', openSealed()))).toBe('PRIVACY.CIPHERTEXT_TAMPERED');
  });

  it('refuses truncated files, foreign bytes and unknown versions', async () => {
    await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    const sealed = readFileSync(sealedPath);
    writeFileSync(sealedPath, sealed.subarray(0, sealed.length - 40));
    expect(await codeOf(openSealedFileSm4(key, 'subj-1', openSealed()))).toBe('PRIVACY.CIPHERTEXT_MALFORMED');
    writeFileSync(sealedPath, plain);
    expect(await codeOf(openSealedFileSm4(key, 'subj-1', openSealed()))).toBe('PRIVACY.CIPHERTEXT_MALFORMED');
    const v2 = Buffer.from(sealed);
    v2[4] = 2;
    writeFileSync(sealedPath, v2);
    expect(await codeOf(openSealedFileSm4(key, 'subj-1', openSealed()))).toBe('PRIVACY.SCHEME_UNSUPPORTED');
  });

  it('fails the plaintext stream when the bytes change between the check and the read', async () => {
    await sealFileSm4(key, 'subj-1', plainPath, sealedPath);
    const altered = readFileSync(sealedPath);
    altered[SM4_FILE_HEADER_BYTES + 10] = altered[SM4_FILE_HEADER_BYTES + 10]! ^ 0x01;
    let opens = 0;
    const swapping = async (): Promise<Readable> => (++opens === 1 ? createReadStream(sealedPath) : Readable.from([altered]));
    const stream = await openSealedFileSm4(key, 'subj-1', swapping);
    expect(await codeOf(bytesOf(stream))).toBe('PRIVACY.CIPHERTEXT_TAMPERED');
  });
});
