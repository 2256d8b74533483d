import { SYSTEM_ACTOR } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { RecordedEvent } from '../event-store.port';
import { MemoryEventStore } from './memory/memory-event-store.adapter';

const TOTAL = 2_000;

async function storeWith(total: number): Promise<MemoryEventStore> {
  const store = new MemoryEventStore(new FakeClock());
  for (let s = 0; s * 100 < total; s++) {
    const events = Array.from({ length: 100 }, (_, i) => ({
      type: 'Noted',
      data: { n: s * 100 + i },
      metadata: {
        eventId: `e-${s}-${i}`,
        correlationId: 'c',
        causationId: null,
        actor: SYSTEM_ACTOR,
        occurredAt: '2025-03-03T01:00:00.000Z',
        schemaVersion: 1,
      },
    }));
    await store.append(`note-${s}`, events, 'no_stream');
  }
  return store;
}

describe('CatchUpSubscription delivery', () => {
  let store: MemoryEventStore;
  let head: number;

  beforeEach(async () => {
    store = await storeWith(TOTAL);
    head = (await store.headPosition())!;
  });

  afterEach(() => store.close());

  it('hands a batch handler pages of up to maxEvents, every event once and in order', async () => {
    const batches: number[][] = [];
    const sub = store.subscribeToAll({ batch: (events) => void batches.push(events.map((e) => e.position)), maxEvents: 300 });
    await sub.caughtUpTo(head);
    await sub.stop();
    const positions = batches.flat();
    expect(positions).toHaveLength(TOTAL);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(TOTAL);
    expect(Math.max(...batches.map((b) => b.length))).toBe(300);
  });

  it('gives a plain handler one event per call (the batch path with batches of one)', async () => {
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll((event) => void seen.push(event));
    await sub.caughtUpTo(head);
    await sub.stop();
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
  });

  it('lets the event loop run while it catches up: a queued callback runs before the last event is handled', async () => {
    let handled = 0;
    let handledWhenLoopRan: number | null = null;
    const sub = store.subscribeToAll({ batch: (events) => void (handled += events.length) });
    setImmediate(() => (handledWhenLoopRan = handled));
    await sub.caughtUpTo(head);
    await sub.stop();
    expect(handled).toBe(TOTAL);
    // Before: the whole catch-up ran as one chain of microtasks and this saw TOTAL.
    expect(handledWhenLoopRan).not.toBeNull();
    expect(handledWhenLoopRan!).toBeLessThan(TOTAL);
  });

  it('halves the next batch after one that took longer than maxBatchMs', async () => {
    const sizes: number[] = [];
    const sub = store.subscribeToAll({
      batch: (events) => {
        sizes.push(events.length);
        if (sizes.length === 1) for (const until = performance.now() + 5; performance.now() < until;); // ≥ 5 ms > 1 ms
      },
      maxEvents: 64,
      maxBatchMs: 1,
    });
    await sub.caughtUpTo(head);
    await sub.stop();
    expect(sizes.slice(0, 2)).toEqual([64, 32]);
  });

  it('reads on from what it has looked at, not from its last match far back (a filtered subscription)', async () => {
    const metadata = (await store.readAll({ maxCount: 1 }))[0]!.metadata;
    const append = (stream: string): Promise<unknown> =>
      store.append(stream, [{ type: 'Noted', data: {}, metadata: { ...metadata, eventId: `e-${stream}` } }], 'no_stream');
    const asked: (number | null | undefined)[] = [];
    const readAll = store.readAll.bind(store);
    jest.spyOn(store, 'readAll').mockImplementation((options) => {
      asked.push(options?.fromPosition);
      return readAll(options);
    });
    const seen: number[] = [];
    const sub = store.subscribeToAll((event) => void seen.push(event.position), { filter: { categories: ['other'] }, fromPosition: 10 });
    await sub.caughtUpTo(head);
    await append('other-1');
    await append('note-x');
    await append('other-2');
    await sub.caughtUpTo(head + 3);
    await sub.stop();
    expect(seen).toEqual([head + 1, head + 3]);
    expect(asked[0]).toBe(10);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.slice(1).every((from) => typeof from === 'number' && from >= head)).toBe(true);
  });

  it('counts events the filter drops as scanned, so lag can be measured against the head', async () => {
    const sub = store.subscribeToAll(() => undefined, { filter: { categories: ['nothing'] } });
    expect(sub.scannedPosition()).toBeNull();
    await sub.caughtUpTo(head);
    expect(sub.scannedPosition()).toBe(head);
    await sub.stop();
  });
});
