import { DomainEvent } from './message';
import { EventTypes, typesOf } from './event-types';
import { DomainError } from './domain-error';

/**
 * A file held with a case (a photo of a visit, a scan of a rectification report, a complainant's
 * receipt), as the event that attaches it records it. The file's SM3 digest is its address in the
 * blob store and sits in the event, so the hash chain covers the evidence itself: a changed byte
 * is caught by `verify`, not only a changed event.
 */
export interface EvidenceFile {
  /** SM3 of the file's bytes, 64 lowercase hex digits. */
  readonly digest: string;
  /** Bytes. */
  readonly size: number;
  /** Judged from the content when uploaded (`image/jpeg`, `application/pdf` …), never the client's word. */
  readonly mediaType: string;
  /** The name it was uploaded under: shown to people, never used as a path. */
  readonly name: string;
  /**
   * Present when the bytes are kept encrypted under a person's own key (a complainant's files):
   * the blob store holds ciphertext, addressed by `storedDigest`; erasing the person's key makes
   * the file unreadable while `verify` can still check that what is stored was not altered.
   */
  readonly sealed?: { readonly subjectId: string; readonly storedDigest: string; readonly storedSize: number };
}

/**
 * A file was attached to the case. Written by the case's own decider into its own stream (like
 * the generic deadline events), after the decider checked that this actor may attach evidence at
 * this step. `step` names what the file belongs to in the context's words (`visit`, `finding`,
 * `progress`, `signOff`, `complaint` …).
 */
export type EvidenceAttached = DomainEvent<
  'EvidenceAttached',
  {
    readonly file: EvidenceFile;
    readonly step: string;
    readonly note: string | null;
    readonly attachedBy: string;
  }
>;

export type EvidenceEvent = EvidenceAttached;
export const EVIDENCE_EVENTS: EventTypes<EvidenceEvent> = { EvidenceAttached: true };
export const EVIDENCE_EVENT_TYPES = typesOf(EVIDENCE_EVENTS);

/** The command a case decider accepts to attach one file (the upload is already stored and hashed). */
export interface AttachEvidenceData {
  readonly file: EvidenceFile;
  readonly step: string;
  readonly note: string | null;
}

const DIGEST = /^[0-9a-f]{64}$/;

/** True for an SM3 digest as files are addressed by (64 lowercase hex digits). */
export function isEvidenceDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** The files a case holds, by digest: what a decider's state keeps to check references. */
export type AttachedFiles = Readonly<Record<string, EvidenceFile>>;

/** Folds an EvidenceAttached into a case's attached files (evolve). */
export function withAttached(files: AttachedFiles, event: EvidenceAttached): AttachedFiles {
  return { ...files, [event.data.file.digest]: event.data.file };
}

/**
 * Decides an attachment: [] when the case already holds the same file (a retried upload), the
 * event otherwise. The caller has checked who may attach and when.
 */
export function decideAttach(files: AttachedFiles, data: AttachEvidenceData, attachedBy: string): EvidenceAttached[] {
  if (files[data.file.digest]) return [];
  return [{ type: 'EvidenceAttached', data: { file: data.file, step: data.step, note: data.note, attachedBy } }];
}

/**
 * A step's `evidence` must name files attached to this case (by digest), so every reference points
 * at bytes the store holds and the chain covers. Throws `<code>` (422) naming the first that does not.
 */
export function assertAttached(files: AttachedFiles, digests: readonly string[], code: string): void {
  for (const digest of digests) {
    if (!files[digest])
      throw new DomainError(code, `evidence "${digest}" is not a file attached to this case (upload it first)`, 'rule', {
        field: 'evidence',
      });
  }
}
