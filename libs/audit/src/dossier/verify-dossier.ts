import { ChainBreak, ChainVerifier, RecordedEvent } from '@bihuan/event-store';
import { DOSSIER_SCRIPT_ID, DossierFileCheck, DossierPayload, SealedEvent } from './dossier.types';
import { attachedFile } from '../integrity/evidence-check';

export interface DossierVerification {
  readonly ok: boolean;
  readonly root: string | null;
  readonly generatedAt: string | null;
  readonly streams: number;
  readonly events: number;
  /** Each stream's verified last revision and hash: compare with the live log or a published head. */
  readonly heads: readonly { stream: string; lastRevision: number; lastHash: string }[];
  /** The attached files the dossier lists (digest, size): check copies beside it with `checkFilesBeside`. */
  readonly files: readonly DossierFileCheck[];
  /** `format`: the block is missing or is not valid JSON; otherwise a chain problem. */
  readonly firstBreak: (Omit<ChainBreak, 'problem'> & { problem: ChainBreak['problem'] | 'format' }) | null;
}

const BLOCK = new RegExp(`<script type="application/json" id="${DOSSIER_SCRIPT_ID}">([\\s\\S]*?)</script>`);

function formatError(detail: string): DossierVerification {
  return {
    ok: false,
    root: null,
    generatedAt: null,
    streams: 0,
    events: 0,
    heads: [],
    files: [],
    firstBreak: { streamName: '', revision: -1, position: -1, eventId: '', problem: 'format', detail },
  };
}

/**
 * Re-verifies a dossier offline (HTML file or its JSON block): recomputes every event's SM3 hash
 * from its canonical form, checks that each stream is a complete chain from revision 0 (prevHash
 * links, no gap, positions increasing) and that it ends at the head the dossier declares.
 * It proves the dossier is internally unaltered; to prove it matches the log, compare `heads`
 * with the live store or a published integrity report.
 */
export function verifyDossier(htmlOrJson: string): DossierVerification {
  const text = htmlOrJson.trimStart();
  const json = text.startsWith('{') ? text : BLOCK.exec(text)?.[1];
  if (json === undefined) return formatError(`no <script id="${DOSSIER_SCRIPT_ID}"> block found`);
  let payload: DossierPayload;
  try {
    payload = JSON.parse(json) as DossierPayload;
  } catch (error) {
    return formatError(`the JSON block does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (payload?.format !== 'bihuan-dossier/1' || !Array.isArray(payload.events) || !Array.isArray(payload.streams)) {
    return formatError('not a bihuan-dossier/1 payload');
  }
  const verifier = new ChainVerifier();
  try {
    for (const event of payload.events) {
      const sealed = 'sealed' in event && event.sealed === true;
      if (verifier.check(event as RecordedEvent, { sealed })) break;
    }
  } catch (error) {
    return formatError(`an event is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  verifier.checkHeads(new Map(payload.streams.map((s) => [s.stream, { revision: s.lastRevision, hash: s.lastHash }])));
  const files = Array.isArray(payload.files) ? payload.files : [];
  const result = verifier.result();
  const firstBreak = result.firstBreak ?? unpinnedFile(files, payload.events);
  return {
    ok: firstBreak === null,
    root: payload.root,
    generatedAt: payload.generatedAt,
    streams: payload.streams.length,
    events: payload.events.length,
    heads: payload.streams.map((s) => ({ stream: s.stream, lastRevision: s.lastRevision, lastHash: s.lastHash })),
    files,
    firstBreak,
  };
}

/**
 * The file list is a convenience copy: each entry must say what its EvidenceAttached event (carried
 * whole in the block, so hashed and chained) says, or the list was edited. A file whose event
 * travels as a sealed link is pinned only by its place.
 */
function unpinnedFile(
  files: readonly DossierFileCheck[],
  events: readonly (RecordedEvent | SealedEvent)[],
): DossierVerification['firstBreak'] {
  const at = new Map(events.map((e) => [`${e.streamName}\u0000${e.revision}`, e]));
  for (const f of files) {
    const e = at.get(`${f.stream}\u0000${f.revision}`);
    if (!e || ('sealed' in e && e.sealed === true)) continue;
    const recorded = attachedFile(e as RecordedEvent);
    if (recorded?.digest === f.digest && recorded.size === f.size) continue;
    return {
      streamName: f.stream,
      revision: f.revision,
      position: e.position,
      eventId: e.metadata.eventId,
      problem: 'content',
      detail: `the file list names ${f.digest} (${f.size} bytes), which its EvidenceAttached event does not record`,
    };
  }
  return null;
}
