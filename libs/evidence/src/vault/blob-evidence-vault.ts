import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { EvidenceFile, isEvidenceDigest } from '@bihuan/core';
import { StagedFile } from '@bihuan/platform';
import { assertSubject, openSealedFileSm4, privacyError, sealFileSm4, SubjectKeyStore } from '@bihuan/privacy';
import { BlobStore } from '../blob-store/blob-store.port';
import { thumbnailOf, THUMBNAIL_MEDIA_TYPES } from './evidence-thumbnail';
import { EvidenceCheck, EvidenceContent, EvidenceVault, PreparedEvidence } from './evidence-vault.port';
import { sm3OfStream } from './sm3-stream';

/** Thrown inside a read when the store lost a sealed file between the caller's ask and the open. */
class BlobMissing extends Error {}

/** Thumbnails are small; a cached one larger than this is not ours. */
const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;

/**
 * The EvidenceVault over a BlobStore: plain files are kept under their SM3 digest; a
 * complainant's files are sealed under their personal-data key (`sealFileSm4`, the privacy
 * lib) and kept under the SM3 of the ciphertext, so erasing the key shreds them while `check`
 * still proves the stored bytes unaltered. Every path streams: nothing holds a whole file.
 */
export class BlobEvidenceVault implements EvidenceVault {
  constructor(
    private readonly blobs: BlobStore,
    private readonly keys: SubjectKeyStore,
  ) {}

  async prepare(staged: StagedFile, options: { readonly sealFor?: string } = {}): Promise<PreparedEvidence> {
    if (!isEvidenceDigest(staged.digest)) throw new Error(`Staged file has no SM3 digest: ${JSON.stringify(staged.digest)}`);
    const file: EvidenceFile = { digest: staged.digest, size: staged.size, mediaType: staged.mediaType, name: staged.name };
    if (options.sealFor === undefined) {
      return { file, keep: () => this.blobs.putFile(staged.digest, staged.path), discard: async () => {} };
    }
    const subjectId = options.sealFor;
    assertSubject(subjectId);
    await this.keys.create(subjectId); // PRIVACY.SUBJECT_ERASED for an erased subject: nothing new is sealed for them
    const key = await this.keys.get(subjectId);
    if (key === 'erased') throw privacyError('SUBJECT_ERASED', `Subject ${subjectId} was erased`, { subjectId });
    if (key === null) throw privacyError('KEY_MISSING', `No key for subject ${subjectId} after creating it`, { subjectId });
    const sealedPath = `${staged.path}.sealed`;
    let sealed: { size: number; sm3: string };
    try {
      sealed = await sealFileSm4(key, subjectId, staged.path, sealedPath);
    } finally {
      key.fill(0);
    }
    return {
      file: { ...file, sealed: { subjectId, storedDigest: sealed.sm3, storedSize: sealed.size } },
      keep: () => this.blobs.putFile(sealed.sm3, sealedPath),
      discard: () => rm(sealedPath, { force: true }),
    };
  }

  /**
   * Throws `PRIVACY.CIPHERTEXT_TAMPERED` for a sealed file whose stored bytes fail authentication
   * (before any plaintext), `PRIVACY.KEY_MISSING` when the key store lost a live subject's key.
   */
  async read(file: EvidenceFile): Promise<EvidenceContent | 'missing' | 'erased'> {
    const content = (stream: Readable): EvidenceContent => ({ stream, size: file.size, mediaType: file.mediaType });
    if (!file.sealed) {
      const stream = await this.blobs.open(file.digest);
      return stream ? content(stream) : 'missing';
    }
    const { subjectId, storedDigest } = file.sealed;
    const key = await this.keys.get(subjectId);
    if (key === 'erased') return 'erased';
    if (key === null)
      throw privacyError('KEY_MISSING', `No key for subject ${subjectId}: was the key store restored from the right backup?`, {
        subjectId,
      });
    try {
      const open = async (): Promise<Readable> => {
        const stream = await this.blobs.open(storedDigest);
        if (!stream) throw new BlobMissing(storedDigest);
        return stream;
      };
      return content(await openSealedFileSm4(key, subjectId, open));
    } catch (error) {
      if (error instanceof BlobMissing) return 'missing';
      throw error;
    } finally {
      key.fill(0);
    }
  }

  async check(file: EvidenceFile): Promise<EvidenceCheck> {
    const expected = file.sealed?.storedDigest ?? file.digest;
    const stream = await this.blobs.open(expected);
    if (!stream) return { status: 'missing' };
    const actualDigest = await sm3OfStream(stream);
    return actualDigest === expected ? { status: 'intact' } : { status: 'altered', actualDigest };
  }

  /**
   * Plain images' thumbnails are cached under `thumbnail/<digest>`; a sealed file's never are
   * (a cached picture would outlive the erasure of its owner's key).
   */
  async thumbnail(file: EvidenceFile): Promise<Buffer | null> {
    if (!THUMBNAIL_MEDIA_TYPES.has(file.mediaType)) return null;
    const cacheKey = `thumbnail/${file.digest}`;
    if (!file.sealed) {
      const cached = await this.blobs.open(cacheKey);
      if (cached) return smallBytesOf(cached);
    }
    const content = await this.read(file);
    if (content === 'missing' || content === 'erased') return null;
    const thumbnail = await thumbnailOf(content.stream);
    if (thumbnail && !file.sealed) await this.blobs.putBytes(cacheKey, thumbnail);
    return thumbnail;
  }
}

async function smallBytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_THUMBNAIL_BYTES) {
      stream.destroy();
      throw new Error(`Cached thumbnail is larger than ${MAX_THUMBNAIL_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
