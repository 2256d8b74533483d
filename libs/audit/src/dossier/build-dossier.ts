import { Actor } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { CaseHistory, HistoryEntry } from '../history/case-history.types';
import { IntegrityReport } from '../integrity/integrity-report';
import { renderDossierHtml } from './dossier-html';
import { DossierOptions, DossierPayload, DossierStream } from './dossier.types';
import { defaultRedact } from './redaction';

function recorded(e: HistoryEntry): RecordedEvent {
  return { streamName: e.stream, revision: e.revision, position: e.position, type: e.type, data: e.data, metadata: e.metadata };
}

/**
 * A case's full history as one self-contained HTML file (inline CSS, print-friendly, Chinese
 * labels, Asia/Shanghai times) that a leader can archive or print.
 *
 * Two views of the same events, so that redaction never weakens verification:
 * - the human-readable timeline shows each event's data through `redact(entry, reader)`;
 * - the JSON block keeps every event exactly as stored (full envelope, original data), so every
 *   hash and chain link can be recomputed offline (`verifyDossier`). Personal data in events is
 *   only ever SM4 ciphertext plus a pseudonymous subject id (the key is held elsewhere and deleted
 *   on erasure), so keeping it whole discloses nothing readable.
 */
export function buildDossier(history: CaseHistory, integrity: IntegrityReport, reader: Actor, options: DossierOptions): string {
  const redact = options.redact ?? defaultRedact(options.isErased);
  const last = new Map<string, HistoryEntry>();
  for (const e of history.entries) last.set(e.stream, e);
  const streams: DossierStream[] = history.streams.flatMap((s) => {
    const tail = last.get(s.stream);
    return tail ? [{ stream: s.stream, lastRevision: tail.revision, lastHash: tail.hash }] : [];
  });
  const payload: DossierPayload = {
    format: 'bihuan-dossier/1',
    root: history.root,
    asOf: history.asOf,
    generatedAt: options.generatedAt,
    reader,
    purpose: options.purpose ?? null,
    streams,
    events: history.entries.map(recorded),
    integrity,
  };
  const shown = history.entries.map((e) => redact(e, reader));
  return renderDossierHtml(payload, history.entries, shown, options.title ?? `案件档案 ${history.root}`);
}
