import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { counterDecider, increment } from '../testing/counter.decider';
import { handleCommand } from './handle-command';

/** The store with its reads counted: what a command reads before it appends. */
function countingStore(): { store: MemoryEventStore; reads: { streams: number; eventIds: number } } {
  const store = new MemoryEventStore(new FakeClock());
  const reads = { streams: 0, eventIds: 0 };
  const readStream = store.readStream.bind(store);
  const eventRevision = store.eventRevision.bind(store);
  store.readStream = (...args) => ((reads.streams += 1), readStream(...args));
  store.eventRevision = (...args) => ((reads.eventIds += 1), eventRevision(...args));
  return { store, reads };
}

describe('handleCommand for a fresh command id and a fresh stream id (a person creating a case)', () => {
  it('reads nothing before appending to a new stream, and leaves the stream as a normal command would', async () => {
    const { store, reads } = countingStore();
    const result = await handleCommand(store, 'counter-new', counterDecider(), increment('c-1', 3), { newCommand: true, newStream: true });
    expect(reads).toEqual({ streams: 0, eventIds: 0 });
    expect(result.newState).toEqual({ count: 3 });
    expect(result.nextExpectedRevision).toBe(0);
    expect(await store.readStream('counter-new')).toEqual(result.events);
    // The next command on it reads and folds the stream as always.
    const next = await handleCommand(store, 'counter-new', counterDecider(), increment('c-2', 2), { newCommand: true });
    expect(next.newState).toEqual({ count: 5 });
  });

  it('decides again on what is there when the "new" stream exists after all: the no_stream append is refused, the retry reads it', async () => {
    const { store, reads } = countingStore();
    await handleCommand(store, 'counter-taken', counterDecider(), increment('c-1', 4));
    reads.streams = 0;
    reads.eventIds = 0;
    const result = await handleCommand(store, 'counter-taken', counterDecider(5), increment('c-2', 1), {
      newCommand: true,
      newStream: true,
      sleep: async () => undefined,
    });
    expect(result.newState).toEqual({ count: 5 }); // decided on the 4 already there, not on an empty stream
    expect(reads.streams).toBeGreaterThan(0);
    expect(reads.eventIds).toBe(0); // a fresh command id is never looked up
    expect((await store.readStream('counter-taken')).map((e) => e.data)).toEqual([{ by: 4 }, { by: 1 }]);
    // And a rule the existing state breaks still refuses, with nothing written.
    await expect(
      handleCommand(store, 'counter-taken', counterDecider(5), increment('c-3', 1), {
        newCommand: true,
        newStream: true,
        sleep: async () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'COUNTER.LIMIT' });
    expect(await store.readStream('counter-taken')).toHaveLength(2);
  });

  it('still answers a redelivered command from the log when its id is not fresh (a saga or timer)', async () => {
    const { store, reads } = countingStore();
    const first = await handleCommand(store, 'counter-1', counterDecider(), increment('saga-1'));
    const again = await handleCommand(store, 'counter-1', counterDecider(), increment('saga-1'));
    expect(reads.eventIds).toBe(2);
    expect(again.events).toEqual(first.events);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });
});
