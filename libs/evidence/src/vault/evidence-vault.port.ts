import { Readable } from 'node:stream';
import { EvidenceFile } from '@bihuan/core';
import { StagedFile } from '@bihuan/platform';

/** A file's bytes as a download serves them. */
export interface EvidenceContent {
  readonly stream: Readable;
  readonly size: number;
  readonly mediaType: string;
}

/** What a check of one attached file found. */
export type EvidenceCheck =
  | { readonly status: 'intact' }
  | { readonly status: 'missing' }
  /** The stored bytes no longer hash to the digest the event recorded. */
  | { readonly status: 'altered'; readonly actualDigest: string };

/**
 * A staged upload made ready to keep: the EvidenceFile its event will record is known (for a sealed
 * file, after encrypting it to a second staging file), the bytes are not in the store yet.
 */
export interface PreparedEvidence {
  readonly file: EvidenceFile;
  /** Puts the bytes into the blob store (idempotent); called from the write's `beforeAppend`. */
  keep(): Promise<void>;
  /** Removes what `prepare` staged (the sealed copy); always called once the request is answered. */
  discard(): Promise<void>;
}

/**
 * The one door to evidence bytes. Uploads go in in two steps around the case's write:
 * `prepare` before deciding (the event needs the file's description), `keep` in the write's
 * `beforeAppend` (only once the decider accepted, and before the event that names the digest), so
 * a refused upload keeps nothing. Downloads come out through `read` (after the case's visibility
 * rule granted the read); `verify` and the integrity report use `check`.
 */
export interface EvidenceVault {
  /**
   * Describes a staged upload as its event will record it. With `sealFor`, the bytes are encrypted
   * under that person's key (the privacy key store) into a second staging file and `sealed` says so.
   */
  prepare(staged: StagedFile, options?: { readonly sealFor?: string }): Promise<PreparedEvidence>;
  /**
   * The file's bytes (decrypted when sealed). `missing` when the store lost them; `erased` when the
   * sealed file's owner was erased (crypto-shredded: nobody can read it any more).
   */
  read(file: EvidenceFile): Promise<EvidenceContent | 'missing' | 'erased'>;
  /** Hashes what the store holds and compares it with the recorded digest (the stored digest when sealed). */
  check(file: EvidenceFile): Promise<EvidenceCheck>;
  /** A small JPEG of an image file for the dossier, or null for other kinds, sealed-and-erased or missing files. */
  thumbnail(file: EvidenceFile): Promise<Buffer | null>;
}

export const EVIDENCE_VAULT = Symbol('EVIDENCE_VAULT');
