import { Actor } from '@bihuan/core';
import { AsOf, RecordedEvent } from '@bihuan/event-store';
import { HistoryEntry } from '../history/case-history.types';
import { IntegrityReport } from '../integrity/integrity-report';
import { EventSummaryRegistry } from '../history/summary-registry';
import { CaseFileRow } from '../files/case-file.types';

/** A file the dossier lists: as the reader sees it, with an inline thumbnail for images (or null). */
export interface DossierAttachment extends CaseFileRow {
  /** `data:image/jpeg;base64,…`, or null (not an image, hidden, erased, or no vault). */
  readonly thumbnail: string | null;
}

/**
 * A file in the verification block: enough to check a copy placed beside the dossier (digest and
 * size; the name when the reader may know it, to find a copy saved under its own name).
 */
export interface DossierFileCheck {
  readonly stream: string;
  readonly revision: number;
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
  readonly name?: string;
}

/** The data of an entry as `reader` may see it (the privacy lib decides; see defaultRedact). */
export type Redactor = (entry: HistoryEntry, reader: Actor) => object;

export interface DossierOptions {
  /** ISO-8601 instant of the export (from the caller's Clock). */
  readonly generatedAt: string;
  readonly title?: string;
  readonly purpose?: string;
  /** Default: `defaultRedact` with `isErased`. */
  readonly redact?: Redactor;
  /** Whether a data subject's key was deleted (erasure): their fields show as 已删除. */
  readonly isErased?: (subjectId: string) => boolean;
  /** Summaries for the timeline, names from the directory (default: every context's, ids for names). */
  readonly summaries?: EventSummaryRegistry;
  /** The case's files as the reader may see them (listed, and carried in the verification block). */
  readonly files?: readonly DossierAttachment[];
}

/** One stream of the dossier: a complete prefix, revision 0 … lastRevision. */
export interface DossierStream {
  readonly stream: string;
  readonly lastRevision: number;
  readonly lastHash: string;
}

/**
 * The machine-readable block (`<script type="application/json" id="bihuan-dossier">`): every
 * event with its full envelope and original data, so the dossier can be re-verified offline.
 */
export interface DossierPayload {
  readonly format: 'bihuan-dossier/1';
  readonly root: string;
  readonly asOf: AsOf | null;
  readonly generatedAt: string;
  readonly reader: Actor;
  readonly purpose: string | null;
  readonly streams: readonly DossierStream[];
  /** Events shown to the reader in full, exactly as stored, and sealed links (see SealedEvent) for the others. */
  readonly events: readonly (RecordedEvent | SealedEvent)[];
  /** Linked streams with events the reader may not see at all: left out of offline verification. */
  readonly partialStreams?: readonly string[];
  /** The attached files, by digest and size, so copies beside the dossier can be checked offline. */
  readonly files?: readonly DossierFileCheck[];
  readonly integrity: IntegrityReport;
}

/**
 * An event the reader sees only in part (or not at all): its place in the chain and its hashes,
 * without type, data or actor, so the chain still verifies link by link offline.
 */
export interface SealedEvent {
  readonly sealed: true;
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
  readonly metadata: { readonly eventId: string; readonly prevHash: string | null; readonly hash: string };
}

export const DOSSIER_SCRIPT_ID = 'bihuan-dossier';
