import { Actor } from '@bihuan/core';
import { hashEvent, RecordedEvent } from '@bihuan/event-store';
import { CaseHistory, HistoryEntry } from '../history/case-history.types';
import { IntegrityReport } from '../integrity/integrity-report';
import { renderDossierHtml } from './dossier-html';
import { DossierOptions, DossierPayload, DossierStream, SealedEvent } from './dossier.types';
import { defaultRedact, PROTECTED_MARKER } from './redaction';
import { timelineRows } from './dossier-timeline';
import { eventSummaries } from '../history/summary-catalogues';
import { fileCheckOf } from './dossier-files-html';
import { ERASED_FILE_MARKER } from '../files/case-file.types';

function recorded(e: HistoryEntry): RecordedEvent {
  const event = { streamName: e.stream, revision: e.revision, position: e.position, type: e.type, data: e.data, metadata: e.metadata };
  return e.stored ? { ...event, stored: e.stored } : event;
}

/** The event as stored when the reader sees all of it; otherwise a sealed link (place and hashes only). */
function forVerification(e: HistoryEntry): RecordedEvent | SealedEvent {
  const event = recorded(e);
  if (hashEvent(event) === e.metadata.hash) return event;
  return {
    sealed: true,
    streamName: e.stream,
    revision: e.revision,
    position: e.position,
    metadata: { eventId: e.eventId, prevHash: e.metadata.prevHash, hash: e.metadata.hash },
  };
}

/** Streams whose entries do not run from revision 0 without a gap: some events were left out for this reader. */
function partialStreams(entries: readonly HistoryEntry[]): Set<string> {
  const next = new Map<string, number>();
  const partial = new Set<string>();
  for (const e of entries) {
    if (e.revision !== (next.get(e.stream) ?? 0)) partial.add(e.stream);
    next.set(e.stream, e.revision + 1);
  }
  return partial;
}

/**
 * A case's full history as one self-contained HTML file (inline CSS, print-friendly, Chinese
 * labels, Asia/Shanghai times) that a leader can archive or print.
 *
 * Two views of the same events, so that redaction never weakens verification:
 * - the human-readable part leads with the timeline (time, actor by name, the context's summary,
 *   bookkeeping folded), then the appendix of raw events, each event's data through
 *   `redact(entry, reader)` (summaries are built from that redacted data too);
 * - the JSON block keeps every event the reader sees in full exactly as stored (full envelope,
 *   original data), so its hash and chain link can be recomputed offline (`verifyDossier`); an
 *   event the visibility declarations trim for this reader is carried as a sealed link (place and
 *   hashes only), and a stream with events left out altogether is named in `partialStreams` and
 *   left out of the block. Personal data in events is only ever SM4 ciphertext plus a
 *   pseudonymous subject id (the key is held elsewhere and deleted on erasure).
 */
export function buildDossier(history: CaseHistory, integrity: IntegrityReport, reader: Actor, options: DossierOptions): string {
  const redact = options.redact ?? defaultRedact(options.isErased);
  const last = new Map<string, HistoryEntry>();
  for (const e of history.entries) last.set(e.stream, e);
  const partial = partialStreams(history.entries);
  const files = options.files ?? [];
  const streams: DossierStream[] = history.streams.flatMap((s) => {
    const tail = last.get(s.stream);
    return tail && !partial.has(s.stream) ? [{ stream: s.stream, lastRevision: tail.revision, lastHash: tail.hash }] : [];
  });
  const payload: DossierPayload = {
    format: 'bihuan-dossier/1',
    root: history.root,
    asOf: history.asOf,
    generatedAt: options.generatedAt,
    reader,
    purpose: options.purpose ?? null,
    streams,
    events: history.entries.filter((e) => !partial.has(e.stream)).map(forVerification),
    ...(partial.size > 0 ? { partialStreams: [...partial] } : {}),
    ...(files.length > 0 ? { files: files.map((f) => fileCheckOf(f, f.name !== PROTECTED_MARKER && f.name !== ERASED_FILE_MARKER)) } : {}),
    integrity,
  };
  const shown = history.entries.map((e) => redact(e, reader));
  const summaries = options.summaries ?? eventSummaries();
  const timeline = timelineRows(history.entries, shown, summaries);
  const title = options.title ?? `案件档案 ${history.root}`;
  return renderDossierHtml(payload, history.entries, shown, title, timeline, (actor) => summaries.actorName(actor), files);
}
