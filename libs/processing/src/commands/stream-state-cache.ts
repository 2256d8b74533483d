import { Command, Decider, DomainEvent, fold } from '@bihuan/core';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { weightOf } from './stream-state-weight';

/** What a fold depends on: the initial state and `evolve` (decide plays no part in it). */
export type Folding<S> = Pick<Decider<Command, DomainEvent, S>, 'initialState' | 'evolve'>;

/** A stream's state as one fold gives it, and the last event folded into it. */
export interface LoadedState<S> {
  readonly state: S;
  /** Revision of the last event folded in; -1 for a stream that does not exist (yet). */
  readonly revision: number;
  /** Hash of that event (null for an empty stream): the next event must chain from it. */
  readonly hash: string | null;
}

export interface StreamStateLimits {
  /** Streams (per decider) remembered at most. */
  readonly maxEntries: number;
  /** Approximate memory bound: the JSON length (UTF-16 units) of the event data folded into the entries kept. */
  readonly maxBytes: number;
}

/** Bounds on memory, not tuning knobs: 10,000 cases, or ~128 MB of folded event data. */
export const DEFAULT_STREAM_STATE_LIMITS: StreamStateLimits = { maxEntries: 10_000, maxBytes: 128 * 1024 * 1024 };

/** Counters for tests and diagnostics. */
export interface StreamStateStats {
  /** Loads that read only the events after a remembered revision. */
  hits: number;
  /** Loads that folded the stream from its start (nothing remembered, or a mismatch). */
  misses: number;
  /** Remembered states dropped because the stream no longer continued them (a chain break). */
  mismatches: number;
  evictions: number;
}

interface Entry {
  readonly evolve: Folding<unknown>['evolve'];
  readonly initialState: unknown;
  readonly revision: number;
  readonly hash: string;
  readonly state: unknown;
  readonly bytes: number;
}

/**
 * Events read and folded at a time before the event loop may turn: 100 events of ~1.5 kB take
 * ~2–10 ms (parse, upcast, evolve) on the development machine, 100 of the largest (~30 kB) ~20 ms.
 */
const FOLD_PAGE = 100;

/** Whether `events` continue a stream whose last event had `revision` and `hash`, link by link. */
function continues(revision: number, hash: string | null, events: readonly RecordedEvent[]): boolean {
  let previous = hash;
  for (const [i, e] of events.entries()) {
    if (e.revision !== revision + 1 + i || e.metadata.prevHash !== previous) return false;
    previous = e.metadata.hash;
  }
  return true;
}

/**
 * Each stream's state as a decider last folded it, so a command or read folds only the events
 * appended since (issue 14): a long case costs what a short one does. An LRU bounded by entries
 * and by the approximate size of what was folded in.
 *
 * Keyed by stream and by the fold (the decider's `evolve` and `initialState`): deciders made per
 * policy share their module-level `evolve`, so they share entries; a decider whose `evolve` is a
 * fresh closure simply never hits (its entries age out of the LRU). States are shared between callers, so they must be treated
 * as immutable — which deciders already do (evolve returns a new state).
 *
 * Never trusted across a mismatch: a load re-reads the remembered last event itself, then the
 * events after it; unless that event is still there with the same hash and every new event chains
 * from the one before (revision + 1, prevHash), the entry is dropped and the stream folded from its
 * start. That covers another process appending (the new events are simply folded in), a
 * truncated or replaced stream, and a tampered chain.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly foldIds = new WeakMap<Folding<unknown>['evolve'], number>();
  private nextFoldId = 0;
  private bytes = 0;
  readonly stats: StreamStateStats = { hits: 0, misses: 0, mismatches: 0, evictions: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly limits: StreamStateLimits = DEFAULT_STREAM_STATE_LIMITS,
  ) {}

  /** The current state of `stream` as `decider` folds it: the remembered one plus what was appended since. */
  async load<S>(stream: string, decider: Folding<S>): Promise<LoadedState<S>> {
    const key = this.keyOf(stream, decider);
    const entry = this.entries.get(key);
    if (entry && entry.initialState === decider.initialState) {
      const remembered = { state: entry.state as S, revision: entry.revision, hash: entry.hash };
      const caught = await this.foldPages(stream, decider, remembered, entry.bytes, true);
      if (caught) {
        this.stats.hits += 1;
        if (caught.loaded.revision > entry.revision) this.remember(key, decider, caught.loaded, caught.bytes);
        else this.touch(key, entry);
        return caught.loaded;
      }
      this.stats.mismatches += 1;
      this.drop(key);
    }
    this.stats.misses += 1;
    const folded = (await this.foldPages(stream, decider, { state: decider.initialState, revision: -1, hash: null }, 0, false))!;
    if (folded.loaded.revision >= 0) this.remember(key, decider, folded.loaded, folded.bytes);
    return folded.loaded;
  }

  /**
   * The state after `recorded` (events just appended after `from`), remembered for the next load
   * when `from` is what is remembered and `recorded` chains from it; otherwise folded and not
   * remembered: the next load reads the log.
   */
  append<S>(stream: string, decider: Folding<S>, from: LoadedState<S>, recorded: readonly RecordedEvent[]): LoadedState<S> {
    const key = this.keyOf(stream, decider);
    if (recorded.length === 0) return from;
    const last = recorded[recorded.length - 1]!;
    const after = { state: fold(decider, recorded, from.state), revision: last.revision, hash: last.metadata.hash };
    const previous = this.entries.get(key);
    if (previous && previous.revision === from.revision && previous.hash === from.hash && continues(from.revision, from.hash, recorded)) {
      this.remember(key, decider, after, previous.bytes + weightOf(recorded));
    } else if (previous && previous.revision <= from.revision) {
      // Not what is remembered (evicted meanwhile, or not continuing it): remember nothing.
      this.drop(key);
    }
    return after;
  }

  /** How many streams are remembered now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Folds the stream onto `from`, a page at a time, yielding to the event loop between pages, so
   * folding a long case never holds the process for more than one page. With `anchored`, the first
   * page must begin with `from`'s own last event (same revision and hash) and every later event
   * must chain from the one before; null when they do not (a mismatch). Without it (a fold from the
   * start) the events are folded as the log holds them, as they always were: verifying the chain is
   * the verifier's job.
   */
  private async foldPages<S>(
    stream: string,
    decider: Folding<S>,
    from: LoadedState<S>,
    bytes: number,
    anchored: boolean,
  ): Promise<{ loaded: LoadedState<S>; bytes: number } | null> {
    let loaded = from;
    let weight = bytes;
    let next = anchored ? from.revision : from.revision + 1;
    for (let first = true; ; first = false) {
      const page = await this.store.readStream(stream, { fromRevision: next, maxCount: FOLD_PAGE });
      let events: readonly RecordedEvent[] = page;
      if (anchored) {
        if (first) {
          const [last] = page;
          if (!last || last.revision !== from.revision || last.metadata.hash !== from.hash) return null;
          events = page.slice(1);
        }
        if (!continues(loaded.revision, loaded.hash, events)) return null;
      }
      const last = events[events.length - 1];
      if (last) {
        loaded = { state: fold(decider, events, loaded.state), revision: last.revision, hash: last.metadata.hash };
        weight += weightOf(events);
      }
      if (page.length < FOLD_PAGE) return { loaded, bytes: weight };
      next = loaded.revision + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private remember<S>(key: string, decider: Folding<S>, loaded: LoadedState<S>, bytes: number): void {
    const current = this.entries.get(key);
    // Two loads of one stream may overlap (reads are not queued): the older answer never replaces a newer one.
    if (loaded.hash === null || (current && current.revision > loaded.revision)) return;
    this.drop(key);
    if (bytes > this.limits.maxBytes) return;
    const entry: Entry = {
      evolve: decider.evolve,
      initialState: decider.initialState,
      revision: loaded.revision,
      hash: loaded.hash,
      state: loaded.state,
      bytes,
    };
    this.entries.set(key, entry);
    this.bytes += bytes;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      this.drop(this.entries.keys().next().value as string);
      this.stats.evictions += 1;
    }
  }

  /** Least recently used first out: a hit moves the entry to the young end. */
  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private keyOf(stream: string, decider: Folding<unknown>): string {
    let id = this.foldIds.get(decider.evolve);
    if (id === undefined) this.foldIds.set(decider.evolve, (id = this.nextFoldId++));
    return `${id}\u0000${stream}`;
  }
}

/** One cache per store in this process, shared by every command and read on it. */
const caches = new WeakMap<EventStore, StreamStateCache>();

export function streamStateCache(store: EventStore): StreamStateCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new StreamStateCache(store)));
  return cache;
}

/** The current state of a case as `decider` folds it (through the store's shared cache). */
export async function streamState<S>(store: EventStore, stream: string, decider: Folding<S>): Promise<S> {
  return (await streamStateCache(store).load(stream, decider)).state;
}
