import { EvidenceFile } from '@bihuan/core';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { StreamAccess } from '../access/stream-access';
import { LinkedCase } from '../case-index/case-links';
import { attachedFile } from '../integrity/evidence-check';

/** One file attached to a case, as its EvidenceAttached event recorded it and the reader may see it. */
export interface CaseFileRecord {
  /** The stored description (the vault reads and checks by it, sealed part included). */
  readonly file: EvidenceFile;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly step: string;
  readonly note: string | null;
  /** When the file was attached (the event's recorded time). */
  readonly attachedAt: string;
  /** The user who attached it (the event's `attachedBy`). */
  readonly attachedBy: string;
  /** The unit of whoever recorded the attachment (the event's actor): a hospital opens the sealed files it gave itself. */
  readonly attachedByUnit: string;
  /** The file's name as the stream's declaration shows it to this reader; null when it trims the name away. */
  readonly shownName: string | null;
}

interface AttachedData {
  readonly step?: unknown;
  readonly note?: unknown;
  readonly attachedBy?: unknown;
}

function record(e: RecordedEvent, file: EvidenceFile, shown: EvidenceFile): CaseFileRecord {
  const d = e.data as AttachedData;
  return {
    file,
    stream: e.streamName,
    revision: e.revision,
    position: e.position,
    eventId: e.metadata.eventId,
    step: typeof d.step === 'string' ? d.step : '',
    note: typeof d.note === 'string' ? d.note : null,
    attachedAt: e.metadata.recordedAt,
    attachedBy: typeof d.attachedBy === 'string' ? d.attachedBy : e.metadata.actor.id,
    attachedByUnit: e.metadata.actor.unit,
    shownName: typeof shown.name === 'string' ? shown.name : null,
  };
}

/**
 * The files of a case the reader may see, in log order: every EvidenceAttached of the case's
 * readable streams (the prefix the case reaches into, only this case's events in a shared stream)
 * whose message the stream's visibility declaration shows this reader — the same two questions the
 * history asks (StreamAccess: may they open the stream, may they see the message).
 */
export async function caseFiles(store: EventStore, access: StreamAccess, linked: LinkedCase): Promise<CaseFileRecord[]> {
  const spans = linked.streams.length > 0 ? linked.streams : [{ stream: linked.root, lastRevision: Number.MAX_SAFE_INTEGER }];
  const found: CaseFileRecord[] = [];
  for (const span of spans) {
    if (!(await access.canRead(span.stream))) continue;
    const events = await store.readStream(span.stream);
    for (const e of events) {
      if (e.revision > span.lastRevision) break;
      const file = attachedFile(e);
      if (!file) continue;
      if (linked.streams.length > 0 && !linked.correlations.has(e.metadata.correlationId)) continue;
      const shown = await access.view(span.stream, e);
      const shownFile = shown ? attachedFile(shown) : null;
      if (shownFile) found.push(record(e, file, shownFile));
    }
  }
  return found.sort((a, b) => a.position - b.position);
}
