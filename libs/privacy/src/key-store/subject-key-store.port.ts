import { Actor, DomainError } from '@bihuan/core';
import { privacyError } from '../privacy-errors';

/** SM4 keys are 128 bits. */
export const SUBJECT_KEY_BYTES = 16;

/** Who erased a subject, when and why: kept forever in the tombstone, so the erasure is provable. */
export interface SubjectErasure {
  readonly erasedBy: Actor;
  readonly reason: string;
  /** ISO-8601 instant of the erasure. */
  readonly at: string;
}

/** What an admin may see about a subject's key: never the key itself. */
export interface SubjectKeyInfo {
  readonly subjectId: string;
  readonly status: 'active' | 'erased';
  readonly createdAt: string;
  /** Present when `status` is `erased`. */
  readonly erasure?: SubjectErasure;
}

export interface SubjectKeyListOptions {
  readonly status?: 'active' | 'erased';
  /** Default 100, at most 1000. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface SubjectKeyStats {
  readonly active: number;
  readonly erased: number;
}

/**
 * The keys of crypto-shredding: one random SM4 key per data subject, kept OUTSIDE the event log.
 * Events carry only a subject id and ciphertext; deleting the key makes every copy of that
 * ciphertext (log, projections, backups of the log, exports) unreadable at once, while the
 * hash-chained log stays untouched and still verifies.
 *
 * Rules every adapter keeps (tested by `subjectKeyStoreContract`):
 * - `create` never replaces a live key (earlier ciphertext would become unreadable): it is
 *   idempotent for an active subject, and refuses an erased one with `PRIVACY.SUBJECT_ERASED` —
 *   an erased subject never gets a key again.
 * - `erase` destroys the key bytes and leaves a tombstone (who / when / why); it returns true when
 *   it destroyed a live key now, false when the subject was already erased or is unknown (no
 *   tombstone is invented for an unknown subject).
 * - `get` tells the three cases apart: a key, `'erased'`, or null (never had a key).
 */
export interface SubjectKeyStore {
  /** Generates a random 128-bit SM4 key for the subject (no-op when it already has one). */
  create(subjectId: string): Promise<void>;
  /** The subject's key (a copy), `'erased'` after erasure, or null when it never had one. */
  get(subjectId: string): Promise<Buffer | 'erased' | null>;
  /** Destroys the key, keeping a tombstone. True when a live key was destroyed by this call. */
  erase(subjectId: string, erasure: SubjectErasure): Promise<boolean>;
  /** Key status and tombstone of one subject, or null when unknown. */
  info(subjectId: string): Promise<SubjectKeyInfo | null>;
  /** Subjects ordered by id, for the admin screens. */
  list(options?: SubjectKeyListOptions): Promise<SubjectKeyInfo[]>;
  stats(): Promise<SubjectKeyStats>;
  close(): Promise<void>;
}

/** Nest/DI token for the SubjectKeyStore. */
export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');

/** Subject ids are opaque (UUIDs in practice); this bounds them so they are safe in file and log. */
export function isValidSubjectId(subjectId: unknown): subjectId is string {
  return typeof subjectId === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/.test(subjectId);
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 100;
  return Math.min(1000, Math.max(1, Math.floor(limit)));
}

/** Throws `PRIVACY.INVALID_SUBJECT` (400) unless the id is a valid subject id. */
export function assertSubject(subjectId: unknown): asserts subjectId is string {
  if (!isValidSubjectId(subjectId)) {
    throw privacyError('INVALID_SUBJECT', 'A subject id is 1–200 characters of letters, digits, _ . : -', { field: 'subjectId' });
  }
}

/** `PRIVACY.SUBJECT_ERASED` (409) for `create` on an erased subject: its key is never re-created. */
export function noNewKeyAfterErasure(subjectId: string): DomainError {
  return privacyError('SUBJECT_ERASED', `Subject ${subjectId} was erased; no new key is created`, { subjectId });
}
