import { Command, CommandMetadata, Decider, DomainEvent, derivedId, fold, WriteMetadata } from '@bihuan/core';
import { EVENT_UPCASTERS, EventStore, EventToAppend, ExpectedRevision, isWrongExpectedRevision, RecordedEvent } from '@bihuan/event-store';
import { backoffDelay, realSleep, Sleep } from '../retry';
import { LoadedState, streamStateCache, StreamStateCache } from './stream-state-cache';

export interface HandleCommandOptions {
  /** Attempts in all (first try included) before a WrongExpectedRevisionError is rethrown. Default 10. */
  readonly maxAttempts?: number;
  /** Backoff base and cap in ms for the jittered retry delay. Defaults 10 and 500. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /**
   * Queue commands for the same stream of the same store within this process (default true), so
   * they never conflict with each other; retries then only resolve races with other processes.
   */
  readonly serializeInProcess?: boolean;
  /** Where the stream's folded state is remembered between commands (default: the store's shared one). */
  readonly cache?: StreamStateCache;
  /**
   * Runs after `decide` answered events and before they are appended (again on each retry): what the
   * events name must exist first — an attached file's bytes are kept before the event that records
   * their digest. A refused command never reaches it; a throw writes nothing.
   */
  readonly beforeAppend?: (events: readonly DomainEvent[]) => Promise<void>;
  /**
   * The command id was made just now for this call (a person's request): no earlier delivery of it
   * can be in the log, so the redelivery lookup is skipped. Never for a saga's or timer's command,
   * whose id is derived and may well have been delivered before.
   */
  readonly newCommand?: boolean;
  /**
   * The stream's id was made just now for this command (a new case): nothing can be in it yet, so
   * the first attempt decides on the empty stream without reading it. Should the stream exist after
   * all, the append's `no_stream` expectation refuses it and the retry reads it as always.
   */
  readonly newStream?: boolean;
}

export interface HandleCommandResult<S> {
  /** The events this command wrote (or, for a redelivered command, the ones it wrote the first time). */
  readonly events: RecordedEvent[];
  /** What to expect next time: the stream's last revision, or `no_stream` when it is still empty. */
  readonly nextExpectedRevision: number | 'no_stream';
  readonly newState: S;
}

/**
 * A command built on the very state it is decided on (again on each retry), for commands whose data
 * depends on that state: a paused clock's remaining time, an escalation rung's window. Its metadata
 * is known up front, so a redelivery is recognised before anything is built.
 */
export interface CommandBuilder<C extends Command, S> {
  readonly metadata: CommandMetadata;
  /** The command to decide on `state`; it carries `metadata` unchanged. */
  build(state: S): C;
}

function isBuilder<C extends Command, S>(input: C | CommandBuilder<C, S>): input is CommandBuilder<C, S> {
  return typeof (input as Partial<CommandBuilder<C, S>>).build === 'function';
}

/** Event ids derive from the command id (keeping its time: see derivedId), so the same command can never write its events twice. */
export function commandEventId(commandId: string, index: number): string {
  return derivedId(commandId, index);
}

/**
 * Load → fold → decide → append with the exact expected revision (architecture.md, rule 8). The
 * load folds only the events appended since the state the stream state cache remembers
 * ({@link StreamStateCache}: checked against the hash chain, refolded on any mismatch), and the
 * redelivery check is one lookup by event id: a command on a long stream costs what one on a
 * short stream does.
 * On a concurrent write it reloads and decides again, a bounded number of times with jittered
 * backoff, then rethrows the WrongExpectedRevisionError (the API answers 409). Within one process,
 * commands for the same stream are queued, so conflicts come only from other processes. A DomainError from
 * `decide` propagates and nothing is written; [] from `decide` writes nothing.
 * A command whose id the stream already holds (a redelivery) is answered with the events it wrote
 * then, without deciding again — so saga and timer commands with deterministic ids are idempotent.
 * `command` may be a {@link CommandBuilder}: the stream is then loaded once and the command built
 * from the folded state, then decided on that same state.
 */
export function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  streamName: string,
  decider: Decider<C, E, S>,
  command: C | CommandBuilder<C, S>,
  options: HandleCommandOptions = {},
): Promise<HandleCommandResult<S>> {
  const run = (): Promise<HandleCommandResult<S>> => withRetries(store, streamName, decider, command, options);
  return options.serializeInProcess === false ? run() : inStreamQueue(store, streamName, run);
}

async function withRetries<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  streamName: string,
  decider: Decider<C, E, S>,
  command: C | CommandBuilder<C, S>,
  options: HandleCommandOptions,
): Promise<HandleCommandResult<S>> {
  const maxAttempts = options.maxAttempts ?? 10;
  const sleep = options.sleep ?? realSleep;
  const cache = options.cache ?? streamStateCache(store);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const fresh = { command: options.newCommand === true, stream: options.newStream === true && attempt === 1 };
      return await attemptOnce(store, cache, streamName, decider, command, options.beforeAppend, fresh);
    } catch (error) {
      if (!isWrongExpectedRevision(error) || attempt >= maxAttempts) throw error;
      await sleep(backoffDelay(attempt, options.baseDelayMs ?? 10, options.maxDelayMs ?? 500, options.random));
    }
  }
}

/** Tail of the in-process queue per store and stream; an entry is dropped when its queue drains. */
const queues = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

function inStreamQueue<T>(store: EventStore, stream: string, run: () => Promise<T>): Promise<T> {
  let byStream = queues.get(store);
  if (!byStream) queues.set(store, (byStream = new Map()));
  const streams = byStream;
  const previous = streams.get(stream) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  streams.set(stream, tail);
  void tail.then(() => {
    if (streams.get(stream) === tail) streams.delete(stream);
  });
  return result;
}

async function attemptOnce<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  cache: StreamStateCache,
  streamName: string,
  decider: Decider<C, E, S>,
  input: C | CommandBuilder<C, S>,
  beforeAppend: HandleCommandOptions['beforeAppend'],
  fresh: { readonly command: boolean; readonly stream: boolean },
): Promise<HandleCommandResult<S>> {
  const loaded: LoadedState<S> = fresh.stream
    ? { state: decider.initialState, revision: -1, hash: null }
    : await cache.load(streamName, decider);
  const state = loaded.state;
  const expected: ExpectedRevision = loaded.revision < 0 ? 'no_stream' : loaded.revision;
  if (!fresh.command) {
    const already = await writtenBy(store, streamName, input.metadata.commandId);
    if (already.length > 0) return { events: already, nextExpectedRevision: expected, newState: state };
  }

  const command = isBuilder(input) ? input.build(state) : input;
  const decided = decider.decide(command, state);
  if (decided.length === 0) return { events: [], nextExpectedRevision: expected, newState: state };
  if (beforeAppend) await beforeAppend(decided);

  const toAppend = decided.map((event, index): EventToAppend => ({
    type: event.type,
    data: event.data,
    // The version the project's upcasters end at (1 for most types): the one registry says it.
    metadata: metadataFor(command, index, EVENT_UPCASTERS.currentVersion(event.type)),
  }));
  const result = await store.append(streamName, toAppend, expected);
  if (!result.written) {
    // Another process wrote this very command since the load: answer what it wrote.
    const recorded = await writtenBy(store, streamName, input.metadata.commandId);
    return { events: recorded, nextExpectedRevision: result.nextExpectedRevision, newState: fold(decider, recorded, state) };
  }
  // The store answers with the events as it recorded them (position, hash): no read-back.
  const recorded = [...result.events];
  const after = cache.append(streamName, decider, loaded, recorded);
  return { events: recorded, nextExpectedRevision: result.nextExpectedRevision, newState: after.state };
}

function metadataFor(command: Command, index: number, schemaVersion: number): WriteMetadata {
  const { commandId, correlationId, actor, now } = command.metadata;
  return {
    eventId: commandEventId(commandId, index),
    correlationId,
    causationId: commandId,
    actor,
    occurredAt: now,
    schemaVersion,
  };
}

/** How many events are read per page when collecting a redelivered command's events. */
const WRITTEN_PAGE = 16;

/**
 * Events an earlier delivery of the same command wrote (they are consecutive, from index 0). The
 * first one is looked up by its id in the store's index, so a new command costs one lookup, not a
 * scan of the stream's history.
 */
async function writtenBy(store: EventStore, streamName: string, commandId: string): Promise<RecordedEvent[]> {
  let revision = await store.eventRevision(streamName, commandEventId(commandId, 0));
  const out: RecordedEvent[] = [];
  while (revision !== null) {
    const page = await store.readStream(streamName, { fromRevision: revision, maxCount: WRITTEN_PAGE });
    for (const e of page) {
      if (e.metadata.eventId !== commandEventId(commandId, out.length)) return out;
      out.push(e);
    }
    revision = page.length === WRITTEN_PAGE ? revision + WRITTEN_PAGE : null;
  }
  return out;
}
