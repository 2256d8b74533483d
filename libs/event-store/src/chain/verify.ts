import { EventStore, RecordedEvent } from '../event-store.port';
import { hashEvent } from './hash-chain';

export const CHAIN_PROBLEMS = ['content', 'order', 'missing', 'link'] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

/** The first place where the log differs from what was appended. */
export interface ChainBreak {
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly problem: ChainProblem;
  readonly detail: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** First and last verified hash per the whole run, for integrity reports. */
  readonly firstHash: string | null;
  readonly lastHash: string | null;
  readonly firstBreak: ChainBreak | null;
}

interface StreamCursor {
  revision: number;
  hash: string;
}

/**
 * Incremental verifier: feed events in global order (from readAll, or one stream's events in
 * revision order); it reports the first event whose content, order or presence was changed.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, StreamCursor>();
  private lastPosition = -Infinity;
  private count = 0;
  private first: string | null = null;
  private last: string | null = null;
  private broken: ChainBreak | null = null;

  /**
   * Returns the break found at this event, if any (later events are still counted). A `sealed`
   * event (a redacted export carries only its place and hashes) is checked for order and links but
   * its content hash cannot be recomputed; the next event's prevHash — inside its own hash — still
   * pins it to the chain.
   */
  check(event: RecordedEvent, options: { sealed?: boolean } = {}): ChainBreak | null {
    if (this.broken) return this.broken;
    this.count += 1;
    const at = (problem: ChainProblem, detail: string): ChainBreak =>
      (this.broken = {
        streamName: event.streamName,
        revision: event.revision,
        position: event.position,
        eventId: event.metadata.eventId,
        problem,
        detail,
      });
    if (event.position <= this.lastPosition) {
      return at('order', `position ${event.position} does not follow ${this.lastPosition}`);
    }
    this.lastPosition = event.position;
    if (!options.sealed && hashEvent(event) !== event.metadata.hash) {
      return at('content', 'recomputed SM3 hash differs from the recorded hash');
    }
    const head = this.heads.get(event.streamName);
    const expectedRevision = head ? head.revision + 1 : 0;
    if (event.revision !== expectedRevision) {
      return event.revision > expectedRevision
        ? at('missing', `revision ${expectedRevision} is missing before ${event.revision}`)
        : at('order', `revision ${event.revision} after ${expectedRevision - 1}`);
    }
    const expectedPrev = head ? head.hash : null;
    if (event.metadata.prevHash !== expectedPrev) {
      return at('link', `prevHash does not match the hash of revision ${expectedRevision - 1}`);
    }
    this.heads.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
    this.first ??= event.metadata.hash;
    this.last = event.metadata.hash;
    return null;
  }

  /** Compares the verified heads with the heads the store says it has (catches a deleted tail). */
  checkHeads(expected: ReadonlyMap<string, { revision: number; hash: string }>): ChainBreak | null {
    if (this.broken) return this.broken;
    for (const [streamName, want] of expected) {
      const got = this.heads.get(streamName);
      if (!got || got.revision !== want.revision || got.hash !== want.hash) {
        this.broken = {
          streamName,
          revision: want.revision,
          position: -1,
          eventId: '',
          problem: 'missing',
          detail: `stream head says revision ${want.revision}, the log holds ${got ? got.revision : 'nothing'}`,
        };
        return this.broken;
      }
    }
    return null;
  }

  result(): VerifyResult {
    return {
      ok: this.broken === null,
      streams: this.heads.size,
      events: this.count,
      firstHash: this.first,
      lastHash: this.last,
      firstBreak: this.broken,
    };
  }
}

/** Verifies the whole log, or one stream, reading it page by page. */
export async function verifyStore(store: EventStore, options: { stream?: string; pageSize?: number } = {}): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  const pageSize = options.pageSize ?? 1000;
  if (options.stream) {
    let from = 0;
    for (;;) {
      const page = await store.readStream(options.stream, { fromRevision: from, maxCount: pageSize });
      for (const event of page) if (verifier.check(event)) return verifier.result();
      if (page.length < pageSize) break;
      from = page[page.length - 1]!.revision + 1;
    }
    return verifier.result();
  }
  await checkWholeLog(store, verifier, pageSize);
  return verifier.result();
}

/** Feeds the whole log to `verifier` page by page; true when it broke (it stops at the first break). */
export async function checkWholeLog(store: EventStore, verifier: ChainVerifier, pageSize: number): Promise<boolean> {
  let position: number | null = null;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize });
    for (const event of page) if (verifier.check(event)) return true;
    if (page.length < pageSize) return false;
    position = page[page.length - 1]!.position;
  }
}
