import { ChainBreak, ChainVerifier, checkLogContinuity, EventStore, RecordedEvent, StreamHeadSource } from '@bihuan/event-store';
import { FileChecker, FileChecks, FileTally } from './evidence-check';

export interface StreamIntegrity {
  readonly stream: string;
  readonly events: number;
  readonly firstHash: string | null;
  readonly lastHash: string | null;
  readonly ok: boolean;
}

/** What was verified, over which hash range, and where (if anywhere) the chain first breaks. */
export interface IntegrityReport {
  readonly ok: boolean;
  readonly scope: 'log' | 'streams';
  readonly streams: number;
  readonly events: number;
  readonly firstHash: string | null;
  readonly lastHash: string | null;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  readonly perStream: readonly StreamIntegrity[];
  readonly firstBreak: ChainBreak | null;
  /**
   * True when the whole log was also compared with the store's stream heads and (sqlite) checked
   * for position gaps, which is what catches a deleted tail. Named streams alone cannot show one.
   */
  readonly headsChecked: boolean;
  readonly verifiedAt: string;
  /**
   * The attached evidence files (present when a checker was given): each EvidenceAttached's file
   * hashed in the blob store; a missing or altered one makes the report fail (`ok: false`).
   */
  readonly files?: FileChecks;
  readonly algorithm: 'SM3';
  readonly canonicalization: string;
}

export const CANONICALIZATION =
  'SM3 (GB/T 32905-2016, lowercase hex) over the UTF-8 bytes of the canonical JSON of ' +
  '{streamName, revision, type, data, metadata (every member except hash)}: object keys sorted by UTF-16 code unit, ' +
  'no whitespace, undefined members omitted, strings and numbers as JSON.stringify writes them; ' +
  'metadata.prevHash = hash of the previous event of the same stream (null at revision 0); global position not hashed.';

/** How the files of the verified events are checked, and (for one reader) which of them to check. */
export interface IntegrityFileOptions {
  readonly check: FileChecker;
  /** Leaves out files the reader may not see (their events trimmed away); default: every file. */
  readonly include?: (event: RecordedEvent) => Promise<boolean>;
}

function hasHeads(store: EventStore): store is EventStore & StreamHeadSource {
  return typeof (store as Partial<StreamHeadSource>).streamHeads === 'function';
}

/**
 * Feeds events to ChainVerifiers: one for the whole log (global order), or one per stream when
 * streams are read one after another (their positions interleave, so one verifier would see
 * positions go backwards between streams).
 */
class Tally {
  readonly per = new Map<string, { events: number; firstHash: string | null; lastHash: string | null }>();
  readonly log = new ChainVerifier();
  private readonly verifiers = new Map<string, ChainVerifier>();
  firstBreak: ChainBreak | null = null;
  events = 0;
  firstHash: string | null = null;
  lastHash: string | null = null;
  firstPosition: number | null = null;
  lastPosition: number | null = null;

  constructor(private readonly perStreamChains: boolean) {}

  /** False once the chain is broken (later events need not be read). */
  feed(e: RecordedEvent): boolean {
    let verifier = this.log;
    if (this.perStreamChains) {
      verifier = this.verifiers.get(e.streamName) ?? new ChainVerifier();
      this.verifiers.set(e.streamName, verifier);
    }
    const s = this.per.get(e.streamName) ?? { events: 0, firstHash: null, lastHash: null };
    this.per.set(e.streamName, s);
    s.events += 1;
    this.events += 1;
    const broken = verifier.check(e);
    if (broken) {
      this.firstBreak = broken;
      return false;
    }
    s.firstHash ??= e.metadata.hash;
    s.lastHash = e.metadata.hash;
    this.firstHash ??= e.metadata.hash;
    this.lastHash = e.metadata.hash;
    this.firstPosition = this.firstPosition === null ? e.position : Math.min(this.firstPosition, e.position);
    this.lastPosition = this.lastPosition === null ? e.position : Math.max(this.lastPosition, e.position);
    return true;
  }
}

/**
 * The integrity report of issue 7: the SM3 chain of the whole log (no option: also compared with
 * the store's stream heads, and on sqlite checked for position gaps, i.e. deleted events) or of the named streams, with the verifying hash
 * range (first/last hash, per stream too), so an exported history can be checked independently.
 * `verifiedAt` comes from the caller's clock (`now`), keeping this function free of `new Date()`.
 */
export async function integrityReport(
  store: EventStore,
  options: { stream?: string; streams?: readonly string[]; now: string; pageSize?: number; files?: IntegrityFileOptions },
): Promise<IntegrityReport> {
  const pageSize = options.pageSize ?? 1000;
  const names = options.streams ?? (options.stream ? [options.stream] : null);
  const tally = new Tally(names !== null);
  const files = options.files ? new FileTally(options.files.check) : null;
  const include = options.files?.include;
  // Files are checked as the events are read, so a whole log never holds more than a page.
  const checkFiles = async (page: readonly RecordedEvent[]): Promise<void> => {
    if (!files) return;
    for (const e of page) if (e.type === 'EvidenceAttached' && (!include || (await include(e)))) await files.feed(e);
  };
  let headsChecked = false;
  if (names) {
    outer: for (const stream of names) {
      for (let from = 0; ;) {
        const page = await store.readStream(stream, { fromRevision: from, maxCount: pageSize });
        await checkFiles(page);
        for (const e of page) if (!tally.feed(e)) break outer;
        if (page.length < pageSize) break;
        from = page[page.length - 1]!.revision + 1;
      }
    }
  } else {
    let position: number | null = null;
    outer: for (;;) {
      const page: RecordedEvent[] = await store.readAll({ fromPosition: position, maxCount: pageSize });
      await checkFiles(page);
      for (const e of page) if (!tally.feed(e)) break outer;
      if (page.length < pageSize) break;
      position = page[page.length - 1]!.position;
    }
    if (!tally.firstBreak && hasHeads(store)) {
      tally.firstBreak = tally.log.checkHeads(await store.streamHeads()) ?? (await checkLogContinuity(store));
      headsChecked = true;
    }
  }
  const firstBreak = tally.firstBreak;
  const broken = firstBreak?.streamName;
  const perStream = [...tally.per.entries()].map(([stream, s]) => ({ stream, ...s, ok: stream !== broken }));
  const fileChecks = files?.result();
  return {
    ok: firstBreak === null && (fileChecks?.problems.length ?? 0) === 0,
    scope: names ? 'streams' : 'log',
    streams: perStream.length,
    events: tally.events,
    firstHash: tally.firstHash,
    lastHash: tally.lastHash,
    firstPosition: tally.firstPosition,
    lastPosition: tally.lastPosition,
    perStream,
    firstBreak,
    headsChecked,
    verifiedAt: options.now,
    ...(fileChecks ? { files: fileChecks } : {}),
    algorithm: 'SM3',
    canonicalization: CANONICALIZATION,
  };
}
