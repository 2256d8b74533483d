import { Readable } from 'node:stream';
import { EvidenceFile } from '@bihuan/core';
import { StagedFile } from '../staging/staged-file';

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
 * The one door to evidence bytes: uploads go in through `admit` (after the case's decider accepted
 * the attachment and before its event is appended), downloads come out through `read` (after the
 * case's visibility rule granted the read), `verify` and the integrity report use `check`.
 */
export interface EvidenceVault {
  /**
   * Keeps a staged upload and answers the EvidenceFile the event will record. With `sealFor`, the
   * bytes are encrypted under that person's key first (PersonalDataCipher's key store) and
   * `sealed` says so.
   */
  admit(staged: StagedFile, options?: { readonly sealFor?: string }): Promise<EvidenceFile>;
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
