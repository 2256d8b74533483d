import {
  ChainVerifier,
  checkLogContinuity,
  EventStore,
  hasContinuityCheck,
  RecordedEvent,
  StreamHeadSource,
  VerifyResult,
} from '@bihuan/event-store';
import { FileChecker, FileChecks, FileProblem, FileTally } from '@bihuan/audit';

type Heads = Awaited<ReturnType<StreamHeadSource['streamHeads']>>;

/** Stores that can list their stream heads (sqlite, memory); others (esdb) give null. */
async function streamHeadsOf(store: EventStore): Promise<Heads | null> {
  const candidate = store as EventStore & Partial<StreamHeadSource>;
  return typeof candidate.streamHeads === 'function' ? await candidate.streamHeads() : null;
}

/** Called after each page: how far the walk got (log position, or stream revision + 1) of how far it goes. */
export type IntegrityProgress = (done: number, total: number | null) => void;

async function feed(
  verifier: ChainVerifier,
  pages: AsyncIterable<RecordedEvent[]>,
  reached: (event: RecordedEvent) => number,
  onPage: (done: number) => void,
  files: { tally: FileTally; onProblem?: (problem: FileProblem) => void } | null,
): Promise<void> {
  for await (const page of pages) {
    // Each attached file is hashed as its event goes by: a whole log never holds more than a page.
    if (files)
      for (const event of page) {
        const problem = await files.tally.feed(event);
        if (problem) files.onProblem?.(problem);
      }
    for (const event of page) if (verifier.check(event)) return;
    const last = page[page.length - 1];
    if (last) onPage(reached(last));
  }
}

async function* streamPages(store: EventStore, stream: string, pageSize: number): AsyncIterable<RecordedEvent[]> {
  for (let from = 0; ;) {
    const page = await store.readStream(stream, { fromRevision: from, maxCount: pageSize });
    yield page;
    if (page.length < pageSize) return;
    from = page[page.length - 1]!.revision + 1;
  }
}

async function* allPages(store: EventStore, pageSize: number): AsyncIterable<RecordedEvent[]> {
  for (let position: number | null = null; ;) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize });
    yield page;
    if (page.length < pageSize) return;
    position = page[page.length - 1]!.position;
  }
}

export interface IntegrityResult extends VerifyResult {
  /** Whether the store's stream heads were compared with the chain (sqlite, memory). */
  readonly headsChecked: boolean;
  /**
   * Whether the log's positions were checked for gaps (sqlite, whole log only): this is what
   * reveals a deleted event that left a valid chain behind (a stream's or the log's newest event).
   */
  readonly continuityChecked: boolean;
  /** The attached evidence files, when a checker was given: each hashed in the blob store as the walk met it. */
  readonly files?: FileChecks;
}

/**
 * verifyStore plus the head and continuity checks (like event-store's verifyLogAndHeads, but also
 * for one stream and for stores without them): walks the log (or one stream) through the SM3 chain,
 * compares the store's stream heads where it has them, and — whole log on sqlite — checks that
 * positions run 1, 2, 3 … up to the last one assigned, so a deleted tail (which leaves a perfectly
 * valid shorter chain) is reported too. One stream alone cannot reveal its own deleted tail: the
 * whole-log run does. `onProgress` hears after every page how far the walk got (for the
 * CLI's progress line); it changes nothing in the check.
 */
export async function verifyIntegrity(
  store: EventStore,
  options: {
    stream?: string;
    pageSize?: number;
    onProgress?: IntegrityProgress;
    files?: FileChecker;
    onFileProblem?: (problem: FileProblem) => void;
  } = {},
): Promise<IntegrityResult> {
  const verifier = new ChainVerifier();
  const files = options.files
    ? { tally: new FileTally(options.files), ...(options.onFileProblem ? { onProblem: options.onFileProblem } : {}) }
    : null;
  const pageSize = options.pageSize ?? 1000;
  const { stream, onProgress } = options;
  if (stream) {
    const head = onProgress ? (await streamHeadsOf(store))?.get(stream) : undefined;
    const total = head === undefined ? null : head.revision + 1;
    await feed(
      verifier,
      streamPages(store, stream, pageSize),
      (e) => e.revision + 1,
      (done) => onProgress?.(done, total),
      files,
    );
  } else {
    const total = onProgress ? await store.headPosition() : null;
    await feed(
      verifier,
      allPages(store, pageSize),
      (e) => e.position,
      (done) => onProgress?.(done, total),
      files,
    );
  }
  const heads = await streamHeadsOf(store);
  if (heads && verifier.result().ok) {
    const wanted = options.stream ? new Map([...heads].filter(([name]) => name === options.stream)) : heads;
    verifier.checkHeads(wanted);
  }
  const continuityChecked = !options.stream && hasContinuityCheck(store);
  const gap = continuityChecked && verifier.result().ok ? await checkLogContinuity(store) : null;
  const result = gap ? { ...verifier.result(), ok: false, firstBreak: gap } : verifier.result();
  const fileChecks = files?.tally.result();
  const ok = result.ok && (fileChecks?.problems.length ?? 0) === 0;
  return { ...result, ok, headsChecked: heads !== null, continuityChecked, ...(fileChecks ? { files: fileChecks } : {}) };
}

/**
 * Whether the store knows the stream: it has an event, or (sqlite, postgres) a head — a stream
 * whose events were all deleted still has its head, so verifying it reports the deletion instead
 * of "no such stream".
 */
export async function streamExists(store: EventStore, stream: string): Promise<boolean> {
  if ((await store.readStream(stream, { maxCount: 1 })).length > 0) return true;
  return (await streamHeadsOf(store))?.has(stream) ?? false;
}
