import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { Actor, EvidenceFile, isDomainError } from '@bihuan/core';
import { StagedFile } from '@bihuan/platform';
import { MemorySubjectKeyStore } from '@bihuan/privacy';
import { FakeClock } from '@bihuan/testing';
import { MemoryBlobStore } from '../blob-store/adapters/memory-blob-store.adapter';
import { BlobEvidenceVault } from './blob-evidence-vault';
import { EvidenceContent } from './evidence-vault.port';

const admin: Actor = { id: 'admin-1', role: 'admin', unit: 'root' };
const sm3 = (bytes: Buffer): string => createHash('sm3').update(bytes).digest('hex');

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function content(result: EvidenceContent | 'missing' | 'erased'): EvidenceContent {
  if (typeof result === 'string') throw new Error(`expected content, got ${result}`);
  return result;
}

describe('BlobEvidenceVault', () => {
  let dir: string;
  let blobs: MemoryBlobStore;
  let keys: MemorySubjectKeyStore;
  let vault: BlobEvidenceVault;
  const stage = (bytes: Buffer, mediaType = 'application/pdf', name = '整改报告.pdf'): StagedFile => {
    const path = join(dir, `staged-${randomBytes(4).toString('hex')}`);
    writeFileSync(path, bytes);
    return { path, digest: sm3(bytes), size: bytes.length, mediaType, name };
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
    blobs = new MemoryBlobStore();
    keys = new MemorySubjectKeyStore(new FakeClock('2026-12-01T01:00:00.000Z'));
    vault = new BlobEvidenceVault(blobs, keys);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('plain files', () => {
    const bytes = randomBytes(300_000);

    it('describes the staged file, keeps nothing until keep(), then reads it back under its digest', async () => {
      const staged = stage(bytes);
      const prepared = await vault.prepare(staged);
      expect(prepared.file).toEqual({ digest: sm3(bytes), size: bytes.length, mediaType: 'application/pdf', name: '整改报告.pdf' });
      expect(await blobs.stat(staged.digest)).toBeNull();
      await prepared.keep();
      await prepared.keep();
      await prepared.discard();
      expect(existsSync(staged.path)).toBe(true); // the upload route removes its own staging file
      const read = content(await vault.read(prepared.file));
      expect(read.size).toBe(bytes.length);
      expect(read.mediaType).toBe('application/pdf');
      expect((await bytesOf(read.stream)).equals(bytes)).toBe(true);
      expect(await vault.check(prepared.file)).toEqual({ status: 'intact' });
    });

    it('names altered bytes with their actual digest, and a deleted file as missing', async () => {
      const prepared = await vault.prepare(stage(bytes));
      await prepared.keep();
      const altered = Buffer.from(bytes);
      altered[1000] = altered[1000]! ^ 0xff;
      await blobs.delete(prepared.file.digest);
      await blobs.putBytes(prepared.file.digest, altered);
      expect(await vault.check(prepared.file)).toEqual({ status: 'altered', actualDigest: sm3(altered) });
      await blobs.delete(prepared.file.digest);
      expect(await vault.check(prepared.file)).toEqual({ status: 'missing' });
      expect(await vault.read(prepared.file)).toBe('missing');
    });

    it('refuses a staged file without an SM3 digest', async () => {
      await expect(vault.prepare({ ...stage(bytes), digest: '../x' })).rejects.toThrow(/no SM3 digest/);
    });
  });

  describe("a complainant's sealed files", () => {
    const bytes = randomBytes(200_000);

    it('keeps only ciphertext, addressed by its own SM3, and reads the plaintext back', async () => {
      const staged = stage(bytes, 'image/jpeg', '收据.jpg');
      const prepared = await vault.prepare(staged, { sealFor: 'subj-1' });
      const { sealed } = prepared.file;
      expect(prepared.file).toMatchObject({ digest: sm3(bytes), size: bytes.length, mediaType: 'image/jpeg', name: '收据.jpg' });
      expect(sealed?.subjectId).toBe('subj-1');
      expect(existsSync(`${staged.path}.sealed`)).toBe(true);
      await prepared.keep();
      await prepared.discard();
      expect(existsSync(`${staged.path}.sealed`)).toBe(false);
      expect(await blobs.stat(prepared.file.digest)).toBeNull();
      const stored = await bytesOf((await blobs.open(sealed!.storedDigest))!);
      expect(stored.length).toBe(sealed!.storedSize);
      expect(sm3(stored)).toBe(sealed!.storedDigest);
      expect(stored.includes(bytes.subarray(5000, 5064))).toBe(false);
      expect((await bytesOf(content(await vault.read(prepared.file)).stream)).equals(bytes)).toBe(true);
      expect(await vault.check(prepared.file)).toEqual({ status: 'intact' });
    });

    it('becomes unreadable once the subject is erased, while check still proves the stored bytes', async () => {
      const prepared = await vault.prepare(stage(bytes), { sealFor: 'subj-1' });
      await prepared.keep();
      await keys.erase('subj-1', { erasedBy: admin, reason: '个人信息删除申请', at: '2026-12-01T02:00:00.000Z' });
      expect(await vault.read(prepared.file)).toBe('erased');
      expect(await vault.check(prepared.file)).toEqual({ status: 'intact' });
      await expect(vault.prepare(stage(bytes), { sealFor: 'subj-1' })).rejects.toMatchObject({ code: 'PRIVACY.SUBJECT_ERASED' });
    });

    it('refuses to decrypt altered ciphertext and names it in check', async () => {
      const prepared = await vault.prepare(stage(bytes), { sealFor: 'subj-1' });
      await prepared.keep();
      const key = prepared.file.sealed!.storedDigest;
      const stored = await bytesOf((await blobs.open(key))!);
      stored[100] = stored[100]! ^ 0x01;
      await blobs.delete(key);
      await blobs.putBytes(key, stored);
      const error = await vault.read(prepared.file).catch((e: unknown) => e);
      expect(isDomainError(error) && error.code).toBe('PRIVACY.CIPHERTEXT_TAMPERED');
      expect(await vault.check(prepared.file)).toEqual({ status: 'altered', actualDigest: sm3(stored) });
      await blobs.delete(key);
      expect(await vault.read(prepared.file)).toBe('missing');
    });
  });

  describe('thumbnails', () => {
    const image = (format: 'png' | 'jpeg', width: number, height: number): Promise<Buffer> =>
      sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
        .toFormat(format)
        .toBuffer();

    async function kept(bytes: Buffer, mediaType: string, sealFor?: string): Promise<EvidenceFile> {
      const prepared = await vault.prepare(stage(bytes, mediaType, 'photo'), sealFor ? { sealFor } : {});
      await prepared.keep();
      return prepared.file;
    }

    it.each([
      ['png', 'image/png', 1200, 800, 320, 213],
      ['jpeg', 'image/jpeg', 600, 900, 213, 320],
      ['png', 'image/png', 100, 50, 100, 50],
    ] as const)('makes a JPEG within 320×320 of a %s (%s, %i×%i), cached under thumbnail/<digest>', async (format, type, w, h, tw, th) => {
      const file = await kept(await image(format, w, h), type);
      const thumbnail = await vault.thumbnail(file);
      const meta = await sharp(thumbnail!).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: tw, height: th });
      expect((await bytesOf((await blobs.open(`thumbnail/${file.digest}`))!)).equals(thumbnail!)).toBe(true);
      await blobs.delete(file.digest);
      expect((await vault.thumbnail(file))!.equals(thumbnail!)).toBe(true);
    });

    it('makes thumbnails of sealed images but never caches them, and none once the subject is erased', async () => {
      const file = await kept(await image('png', 640, 640), 'image/png', 'subj-2');
      expect((await sharp((await vault.thumbnail(file))!).metadata()).width).toBe(320);
      expect(await blobs.stat(`thumbnail/${file.digest}`)).toBeNull();
      await keys.erase('subj-2', { erasedBy: admin, reason: '个人信息删除申请', at: '2026-12-01T02:00:00.000Z' });
      expect(await vault.thumbnail(file)).toBeNull();
    });

    it('answers null for a PDF, a missing image and bytes that only claim to be an image', async () => {
      expect(await vault.thumbnail(await kept(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'))).toBeNull();
      const missing = await kept(await image('jpeg', 10, 10), 'image/jpeg');
      await blobs.delete(missing.digest);
      expect(await vault.thumbnail(missing)).toBeNull();
      const broken = await kept(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]), 'image/jpeg');
      expect(await vault.thumbnail(broken)).toBeNull();
      expect(await blobs.stat(`thumbnail/${broken.digest}`)).toBeNull();
    });
  });
});
