import { EventStore, MemoryEventStore, ReadStreamOptions, RecordedEvent } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { commandMeta, counterDecider, CounterState, increment } from '../testing/counter.decider';
import { handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state-cache';

/** One decider object for the whole file: entries are keyed by its `evolve`. */
const counter = counterDecider();

/** A store whose stream reads are counted in events returned: what a load really cost. */
function countingReads(store: EventStore): { store: EventStore; eventsRead: () => number; reset: () => void } {
  let read = 0;
  const readStream = async (stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    const events = await store.readStream(stream, options);
    read += events.length;
    return events;
  };
  const wrapped = new Proxy(store, {
    get: (target, key) => {
      if (key === 'readStream') return readStream;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, eventsRead: () => read, reset: () => (read = 0) };
}

describe('StreamStateCache (memory store)', () => {
  let memory: MemoryEventStore;
  let counted: ReturnType<typeof countingReads>;
  let cache: StreamStateCache;
  const send = (commandId: string, stream = 'counter-1'): Promise<{ newState: CounterState }> =>
    handleCommand(counted.store, stream, counter, increment(commandId), { cache });

  beforeEach(() => {
    memory = new MemoryEventStore(new FakeClock());
    counted = countingReads(memory);
    cache = new StreamStateCache(counted.store);
  });
  afterEach(() => memory.close());

  it('given a case of 200 events, when the next command and a read run, then they read only the remembered last event and what follows', async () => {
    for (let i = 0; i < 200; i++) await send(`c-${i}`);
    counted.reset();
    const result = await send('c-200');
    expect(result.newState.count).toBe(201);
    // The remembered event again (chain check) only: the append answers with what it wrote.
    expect(counted.eventsRead()).toBe(1);
    counted.reset();
    expect((await cache.load('counter-1', counter)).state.count).toBe(201);
    expect(counted.eventsRead()).toBe(1);
    expect(cache.stats).toMatchObject({ misses: 2, mismatches: 0 });
  });

  it('given nothing remembered, when a case is loaded, then it is folded from the start and remembered', async () => {
    for (let i = 0; i < 3; i++) await handleCommand(memory, 'counter-1', counter, increment(`c-${i}`));
    const loaded = await cache.load('counter-1', counter);
    expect(loaded).toMatchObject({ state: { count: 3 }, revision: 2 });
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1 });
    await cache.load('counter-1', counter);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('given a decider with another evolve, when it loads the same stream, then it folds its own state', async () => {
    await send('c-1');
    await send('c-2');
    const doubled = {
      initialState: { count: 0 },
      evolve: (s: CounterState, e: { data: object }) => ({ count: s.count + 2 * (e.data as { by: number }).by }),
    };
    expect((await cache.load('counter-1', doubled)).state.count).toBe(4);
    expect((await cache.load('counter-1', counter)).state.count).toBe(2);
  });

  it('given more streams than the entry bound, when they are loaded, then the least recently used is evicted first', async () => {
    cache = new StreamStateCache(counted.store, { maxEntries: 2, maxBytes: 1_000_000 });
    for (const stream of ['counter-a', 'counter-b', 'counter-c']) await handleCommand(memory, stream, counter, increment(`${stream}-1`));
    await cache.load('counter-a', counter);
    await cache.load('counter-b', counter);
    await cache.load('counter-a', counter); // a is now the most recently used
    await cache.load('counter-c', counter); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.stats.evictions).toBe(1);
    const misses = cache.stats.misses;
    await cache.load('counter-a', counter);
    expect(cache.stats.misses).toBe(misses);
    await cache.load('counter-b', counter);
    expect(cache.stats.misses).toBe(misses + 1);
  });

  it('given a state larger than the size bound, when it is loaded, then it is answered but not remembered', async () => {
    cache = new StreamStateCache(counted.store, { maxEntries: 100, maxBytes: 1_000 });
    for (let i = 0; i < 10; i++) await handleCommand(memory, 'counter-1', counter, increment(`c-${i}`));
    expect((await cache.load('counter-1', counter)).state.count).toBe(10);
    expect(cache.size).toBe(0);
  });

  it('given a remembered state, when a command is redelivered after the case moved on, then it writes nothing and answers its first events', async () => {
    const first = await handleCommand(counted.store, 'counter-1', counter, increment('timer-fired'), { cache });
    await send('c-2');
    await send('c-3');
    const again = await handleCommand(counted.store, 'counter-1', counter, increment('timer-fired'), { cache });
    expect(again.events.map((e) => e.metadata.eventId)).toEqual(first.events.map((e) => e.metadata.eventId));
    expect(await memory.readStream('counter-1')).toHaveLength(3);
    expect(cache.stats.mismatches).toBe(0);
  });

  it('given a redelivered builder command, when handled with a warm cache, then it is never built', async () => {
    await send('c-1');
    const build = jest.fn(() => increment('saga-step'));
    await handleCommand(counted.store, 'counter-1', counter, { metadata: commandMeta('saga-step'), build }, { cache });
    await handleCommand(counted.store, 'counter-1', counter, { metadata: commandMeta('saga-step'), build }, { cache });
    expect(build).toHaveBeenCalledTimes(1);
    expect(await memory.readStream('counter-1')).toHaveLength(2);
  });
});
