import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult,
  AppendToStreamOptions,
  JSONEventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import { EsdbClient, EsdbLiveSubscription, EsdbRead } from './esdb-client';

interface Stored {
  streamId: string;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  isJson: boolean;
  revision: bigint;
  position: bigint;
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function resolved(e: Stored, withCommit: boolean): AllStreamResolvedEvent {
  const event = {
    streamId: e.streamId,
    id: e.id,
    isJson: e.isJson,
    revision: e.revision,
    type: e.type,
    created: new Date(0),
    data: e.data,
    metadata: e.metadata,
    position: { commit: e.position, prepare: e.position },
  } as AllStreamResolvedEvent['event'];
  return withCommit ? { event, commitPosition: e.position } : { event };
}

function read<E>(source: () => E[], notFound?: string): EsdbRead<E> {
  return {
    cancel: () => Promise.resolve(),
    async *[Symbol.asyncIterator]() {
      const items = source();
      if (notFound !== undefined) throw new StreamNotFoundError(undefined, notFound);
      yield* items;
    },
  };
}

/**
 * An in-memory double of the few EventStoreDBClient calls the adapter makes, with ESDB's
 * observable behaviour: bigint revisions, sparse commit positions, inclusive position reads,
 * StreamNotFoundError on missing streams, WrongExpectedVersionError built as the client builds it.
 */
export class FakeEsdbClient implements EsdbClient {
  readonly log: Stored[] = [];
  readonly appendCalls: { stream: string; expectedRevision: AppendExpectedRevision | undefined; ids: string[] }[] = [];
  /** Runs before each append is applied: a test's chance to play a concurrent writer. */
  beforeAppend: ((stream: string) => void) | null = null;
  /** Runs as each stream read starts: a test's chance to fail it (a dropped connection, say). */
  beforeRead: ((stream: string, options: ReadStreamOptions) => void) | null = null;
  disposed = false;
  private nextPosition = 1000n;
  private readonly listeners = new Set<() => void>();

  private streamEvents(stream: string): Stored[] {
    return this.log.filter((e) => e.streamId === stream);
  }

  /** Writes directly, as another process (or ESDB itself, for `$` events) would. */
  write(stream: string, type: string, data: unknown = {}, metadata: unknown = {}, isJson = true): Stored {
    const events = this.streamEvents(stream);
    const stored: Stored = {
      streamId: stream,
      id: `00000000-0000-4000-8000-${String(this.log.length).padStart(12, '0')}`,
      type,
      data: json(data),
      metadata: json(metadata),
      isJson,
      revision: BigInt(events.length),
      position: (this.nextPosition += 137n),
    };
    this.log.push(stored);
    for (const notify of this.listeners) notify();
    return stored;
  }

  async appendToStream(stream: string, events: JSONEventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    this.appendCalls.push({ stream, expectedRevision: options.expectedRevision, ids: events.map((e) => e.id) });
    this.beforeAppend?.(stream);
    const existing = this.streamEvents(stream);
    const current = existing.length === 0 ? null : BigInt(existing.length - 1);
    const expected = options.expectedRevision ?? 'any';
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      (typeof expected === 'bigint' && expected === current);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current: current ?? 'no_stream' });
    }
    const written = events.map((e) => this.write(stream, e.type, e.data, e.metadata));
    written.forEach((w, i) => (w.id = events[i]!.id));
    const first = written[0]!;
    const last = written[written.length - 1]!;
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: first.position } };
  }

  readStream(stream: string, options: ReadStreamOptions): EsdbRead<ResolvedEvent> {
    this.beforeRead?.(stream, options);
    const events = this.streamEvents(stream);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const select = (): ResolvedEvent[] => {
      const ordered = backwards ? [...events].reverse() : events;
      const inRange = ordered.filter((e) => (typeof from !== 'bigint' ? true : backwards ? e.revision <= from : e.revision >= from));
      return inRange.slice(0, max).map((e) => resolved(e, false));
    };
    return read(select, events.length === 0 ? stream : undefined);
  }

  readAll(options: ReadAllOptions): EsdbRead<AllStreamResolvedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return read(() => {
      const ordered = backwards ? [...this.log].reverse() : this.log;
      // Forwards reads include `from`; backwards reads return what lies before it, as on the server.
      const inRange = ordered.filter((e) =>
        typeof from === 'string' ? true : backwards ? e.position < from.commit : e.position >= from.commit,
      );
      return inRange.slice(0, max).map((e) => resolved(e, true));
    });
  }

  subscribeToAll(options: SubscribeToAllOptions): EsdbLiveSubscription {
    const from = options.fromPosition ?? 'start';
    const filter = options.filter;
    const regex = filter && 'regex' in filter ? new RegExp(filter.regex) : null;
    const passes = (e: Stored): boolean => !regex || regex.test(filter?.filterOn === 'streamName' ? e.streamId : e.type);
    let index = typeof from === 'string' ? 0 : this.log.findIndex((e) => e.position >= from.commit);
    if (index < 0) index = this.log.length;
    let done = false;
    let wake: (() => void) | null = null;
    const notify = (): void => wake?.();
    this.listeners.add(notify);
    const log = this.log;
    const subscription: EsdbLiveSubscription & { fail(error: Error): void; end(): void; error: Error | null } = {
      error: null,
      fail(error: Error) {
        this.error = error;
        notify();
      },
      end() {
        done = true;
        notify();
      },
      unsubscribe: async () => {
        done = true;
        notify();
        this.listeners.delete(notify);
      },
      [Symbol.asyncIterator]: async function* () {
        for (;;) {
          if (subscription.error) throw subscription.error;
          if (done) return;
          const next = log[index];
          if (next) {
            index += 1;
            if (passes(next)) yield resolved(next, true);
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Subscriptions opened so far, to inject failures (`fail`) or a server-side end (`end`). */
  readonly subscriptions: (EsdbLiveSubscription & { fail(error: Error): void; end(): void })[] = [];

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
