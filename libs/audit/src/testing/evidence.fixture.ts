import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Actor, EvidenceFile } from '@bihuan/core';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { DossierAttachment } from '../dossier/dossier.types';
import { appendForCommand } from './linked-case.fixture';
import { EvidenceCheck, EvidenceContent, EvidenceVault, PreparedEvidence } from '@bihuan/evidence';

export const sm3OfBytes = (bytes: Buffer): string => createHash('sm3').update(bytes).digest('hex');

/** An EvidenceFile describing `bytes` as an upload would (digest and size from the bytes). */
export function evidenceFileOf(bytes: Buffer, name: string, mediaType: string, sealedFor?: string): EvidenceFile {
  const file = { digest: sm3OfBytes(bytes), size: bytes.length, mediaType, name };
  // A stand-in for SM4: the stored form differs from the plaintext, so its digest does too.
  return sealedFor
    ? { ...file, sealed: { subjectId: sealedFor, storedDigest: sm3OfBytes(sealedBytes(bytes)), storedSize: bytes.length + 1 } }
    : file;
}

function sealedBytes(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x5a]), bytes]);
}

/**
 * A blob store in a Map behind the EvidenceVault contract, for audit tests before (and besides)
 * the real vault: `put` keeps a file's bytes under its address (the stored digest when sealed),
 * `corrupt` and `lose` change the store behind the log's back, `erase` forgets a person's key.
 */
export class FakeEvidenceVault implements EvidenceVault {
  readonly blobs = new Map<string, Buffer>();
  readonly erased = new Set<string>();
  /** Thumbnails by file digest (a real vault renders them with sharp). */
  readonly thumbnails = new Map<string, Buffer>();

  put(file: EvidenceFile, bytes: Buffer): void {
    this.blobs.set(file.sealed?.storedDigest ?? file.digest, file.sealed ? sealedBytes(bytes) : bytes);
  }

  corrupt(file: EvidenceFile): void {
    const key = file.sealed?.storedDigest ?? file.digest;
    this.blobs.set(key, Buffer.concat([this.blobs.get(key) ?? Buffer.alloc(0), Buffer.from('!')]));
  }

  lose(file: EvidenceFile): void {
    this.blobs.delete(file.sealed?.storedDigest ?? file.digest);
  }

  prepare(): Promise<PreparedEvidence> {
    return Promise.reject(new Error('FakeEvidenceVault takes files through put()'));
  }

  async read(file: EvidenceFile): Promise<EvidenceContent | 'missing' | 'erased'> {
    if (file.sealed && this.erased.has(file.sealed.subjectId)) return 'erased';
    const stored = this.blobs.get(file.sealed?.storedDigest ?? file.digest);
    if (!stored) return 'missing';
    const bytes = file.sealed ? stored.subarray(1) : stored;
    return { stream: Readable.from([bytes]), size: bytes.length, mediaType: file.mediaType };
  }

  async check(file: EvidenceFile): Promise<EvidenceCheck> {
    const key = file.sealed?.storedDigest ?? file.digest;
    const stored = this.blobs.get(key);
    if (!stored) return { status: 'missing' };
    const actual = sm3OfBytes(stored);
    return actual === key ? { status: 'intact' } : { status: 'altered', actualDigest: actual };
  }

  async thumbnail(file: EvidenceFile): Promise<Buffer | null> {
    if (file.sealed && this.erased.has(file.sealed.subjectId)) return null;
    return this.thumbnails.get(file.digest) ?? null;
  }
}

/** Appends an EvidenceAttached to `stream` in the correlation of its first event (part of that case). */
export async function attachEvidence(
  store: EventStore,
  stream: string,
  file: EvidenceFile,
  o: { commandId: string; actor: Actor; now: string; step?: string },
): Promise<RecordedEvent> {
  const [first] = await store.readStream(stream, { maxCount: 1 });
  const [attached] = await appendForCommand(
    store,
    stream,
    { commandId: o.commandId, correlationId: first?.metadata.correlationId ?? o.commandId, actor: o.actor, now: o.now },
    [{ type: 'EvidenceAttached', data: { file, step: o.step ?? 'visit', note: null, attachedBy: o.actor.id } }],
  );
  return attached!;
}

/** The dossier's row of an attached file as a reader allowed to see it would get it. */
export function attachmentOf(e: RecordedEvent, file: EvidenceFile, thumbnail: string | null = null): DossierAttachment {
  return {
    stream: e.streamName,
    revision: e.revision,
    position: e.position,
    digest: file.digest,
    name: file.name,
    size: file.size,
    mediaType: file.mediaType,
    step: 'visit',
    attachedAt: e.metadata.recordedAt,
    attachedBy: e.metadata.actor.id,
    sealed: !!file.sealed,
    erased: false,
    thumbnail,
  };
}
