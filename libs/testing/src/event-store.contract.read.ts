import { randomUUID } from 'node:crypto';
import { ContractContext, testEvent, testEvents } from './event-store.contract.fixtures';

const numbers = (events: readonly { data: object }[]): unknown[] => events.map((e) => (e.data as { n?: unknown }).n);

/** Reading one stream (directions, ranges, as-of), reading all (order, filters, paging), head. */
export function readContract(ctx: ContractContext): void {
  it('reads a stream forwards and backwards, from a revision, with a maximum count', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    await store.append(stream, testEvents(5), 'no_stream');
    const all = await store.readStream(stream);
    expect(numbers(all)).toEqual([0, 1, 2, 3, 4]);
    expect(all[0]).toMatchObject({ streamName: stream, revision: 0, type: 'Happened', data: { n: 0 } });
    expect(numbers(await store.readStream(stream, { fromRevision: 2 }))).toEqual([2, 3, 4]);
    expect(numbers(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
    expect(numbers(await store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
    expect(numbers(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
    expect(numbers(await store.readStream(stream, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
    expect(await store.readStream(stream, { fromRevision: 5 })).toEqual([]);
  });

  it('finds the revision of an eventId within its stream, and nothing elsewhere', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    const other = ctx.stream();
    const events = testEvents(4);
    await store.append(stream, events.slice(0, 2), 'no_stream');
    await store.append(other, testEvents(1), 'no_stream');
    await store.append(stream, events.slice(2), 1);
    expect(await store.eventRevision(stream, events[0]!.metadata.eventId)).toBe(0);
    expect(await store.eventRevision(stream, events[3]!.metadata.eventId)).toBe(3);
    expect(await store.eventRevision(other, events[3]!.metadata.eventId)).toBeNull();
    expect(await store.eventRevision(stream, randomUUID())).toBeNull();
    expect(await store.eventRevision(ctx.stream(), events[0]!.metadata.eventId)).toBeNull();
  });

  it('returns [] for a stream that does not exist', async () => {
    const { store } = ctx.fx();
    expect(await store.readStream(ctx.stream())).toEqual([]);
    expect(await store.readStream(ctx.stream(), { direction: 'backwards' })).toEqual([]);
  });

  it('keeps the envelope the writer gave and stamps recordedAt from the clock', async () => {
    const { store, clock } = ctx.fx();
    const stream = ctx.stream();
    const event = testEvent('Opened', { title: '检查', nested: { b: 1, a: [true, null] } });
    await store.append(stream, [event], 'no_stream');
    const [stored] = await store.readStream(stream);
    expect(stored!.data).toEqual(event.data);
    expect(stored!.metadata).toMatchObject({ ...event.metadata, recordedAt: clock.now().toISOString() });
  });

  it('reads a stream as of a global position and as of a recorded time', async () => {
    const { store, clock } = ctx.fx();
    const stream = ctx.stream();
    const other = ctx.stream();
    const t0 = clock.now().toISOString();
    const r0 = await store.append(stream, testEvents(2, 'Happened', 0), 'no_stream');
    clock.advance(60_000);
    const t1 = clock.now().toISOString();
    const r1 = await store.append(stream, testEvents(1, 'Happened', 2), r0.nextExpectedRevision);
    await store.append(other, testEvents(1), 'no_stream');
    clock.advance(60_000);
    await store.append(stream, testEvents(1, 'Happened', 3), r1.nextExpectedRevision);

    expect(numbers(await store.readStream(stream, { asOf: { position: r0.position } }))).toEqual([0, 1]);
    expect(numbers(await store.readStream(stream, { asOf: { position: r1.position } }))).toEqual([0, 1, 2]);
    expect(numbers(await store.readStream(stream, { asOf: { recordedAt: t0 } }))).toEqual([0, 1]);
    expect(numbers(await store.readStream(stream, { asOf: { recordedAt: t1 } }))).toEqual([0, 1, 2]);
    expect(numbers(await store.readStream(stream, { asOf: { recordedAt: '2000-01-01T00:00:00.000Z' } }))).toEqual([]);
    const back = await store.readStream(stream, { direction: 'backwards', asOf: { recordedAt: t1 } });
    expect(numbers(back)).toEqual([2, 1, 0]);
  });

  it('reads all in global order from an exclusive position, with paging', async () => {
    const { store } = ctx.fx();
    const start = await store.headPosition();
    const cat = ctx.category();
    const [a, b] = [`${cat}-a`, `${cat}-b`];
    await store.append(a, testEvents(2, 'Happened', 0), 'no_stream');
    await store.append(b, testEvents(2, 'Happened', 2), 'no_stream');
    await store.append(a, testEvents(1, 'Happened', 4), 1);
    const all = await store.readAll({ fromPosition: start, filter: { categories: [cat] } });
    expect(numbers(all)).toEqual([0, 1, 2, 3, 4]);
    expect(all.map((e) => e.streamName)).toEqual([a, a, b, b, a]);
    for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);

    const unfiltered = await store.readAll({ fromPosition: start });
    expect(unfiltered.map((e) => e.position)).toEqual(expect.arrayContaining(all.map((e) => e.position)));
    expect((await store.readAll({ fromPosition: all[1]!.position, filter: { categories: [cat] } }))[0]!.position).toBe(all[2]!.position);

    const pages: number[][] = [];
    let from = start;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 2, filter: { categories: [cat] } });
      if (page.length === 0) break;
      pages.push(numbers(page) as number[]);
      from = page[page.length - 1]!.position;
    }
    expect(pages).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('filters read all by categories and event types', async () => {
    const { store } = ctx.fx();
    const start = await store.headPosition();
    const [x, y, z] = [ctx.category(), ctx.category(), ctx.category()];
    const closed = `Closed${x}`;
    await store.append(`${x}-1`, [testEvent('Opened'), testEvent(closed)], 'no_stream');
    await store.append(`${y}-1-with-dashes`, [testEvent('Opened')], 'no_stream');
    await store.append(`${z}-1`, [testEvent('Opened')], 'no_stream');
    const byCategory = await store.readAll({ fromPosition: start, filter: { categories: [x, y] } });
    expect(byCategory.map((e) => e.streamName)).toEqual([`${x}-1`, `${x}-1`, `${y}-1-with-dashes`]);
    const byBoth = await store.readAll({ fromPosition: start, filter: { categories: [x, z], eventTypes: ['Opened'] } });
    expect(byBoth.map((e) => e.streamName)).toEqual([`${x}-1`, `${z}-1`]);
    const byType = await store.readAll({ fromPosition: start, filter: { eventTypes: [closed] } });
    expect(byType.map((e) => e.streamName)).toEqual([`${x}-1`]);
  });

  it('reports the head position: the position of the newest event', async () => {
    const { store } = ctx.fx();
    const result = await store.append(ctx.stream(), testEvents(3), 'no_stream');
    expect(await store.headPosition()).toBe(result.position);
    const next = await store.append(ctx.stream(), testEvents(1), 'no_stream');
    expect(await store.headPosition()).toBe(next.position);
    expect(next.position).toBeGreaterThan(result.position);
  });

  it('answers ping while open', async () => {
    await expect(ctx.fx().store.ping()).resolves.toBeUndefined();
  });
}
