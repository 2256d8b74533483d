import { ExpectedRevision, WrongExpectedRevisionError } from '@bihuan/event-store';
import { ContractContext, testEvent, testEvents } from './event-store.contract.fixtures';

async function conflictOf(promise: Promise<unknown>): Promise<WrongExpectedRevisionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  return error as WrongExpectedRevisionError;
}

/** Expected revisions, atomic multi-event appends, idempotency. */
export function appendContract(ctx: ContractContext): void {
  const cases: { expected: ExpectedRevision; existing: number; ok: boolean; actual: number | 'no_stream' }[] = [
    { expected: 'no_stream', existing: 0, ok: true, actual: 'no_stream' },
    { expected: 'no_stream', existing: 2, ok: false, actual: 1 },
    { expected: 'stream_exists', existing: 1, ok: true, actual: 0 },
    { expected: 'stream_exists', existing: 0, ok: false, actual: 'no_stream' },
    { expected: 'any', existing: 0, ok: true, actual: 'no_stream' },
    { expected: 'any', existing: 3, ok: true, actual: 2 },
    { expected: 1, existing: 2, ok: true, actual: 1 },
    { expected: 0, existing: 2, ok: false, actual: 1 },
    { expected: 2, existing: 2, ok: false, actual: 1 },
    { expected: 0, existing: 0, ok: false, actual: 'no_stream' },
  ];
  for (const c of cases) {
    it(`expected ${String(c.expected)} on a stream of ${c.existing} event(s) ${c.ok ? 'appends' : 'is refused'}`, async () => {
      const { store } = ctx.fx();
      const stream = ctx.stream();
      if (c.existing > 0) await store.append(stream, testEvents(c.existing), 'no_stream');
      const attempt = store.append(stream, [testEvent('Next')], c.expected);
      if (c.ok) {
        const result = await attempt;
        expect(result).toMatchObject({ nextExpectedRevision: c.existing, written: true });
        const events = await store.readStream(stream);
        expect(events.map((e) => e.type).slice(-1)).toEqual(['Next']);
        expect(events).toHaveLength(c.existing + 1);
      } else {
        const error = await conflictOf(attempt);
        expect(error).toMatchObject({ streamName: stream, expected: c.expected, actual: c.actual });
        expect(await store.readStream(stream)).toHaveLength(c.existing);
      }
    });
  }

  it('returns the revision and position of the last event written, and the events as a read gives them back', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    const result = await store.append(stream, testEvents(3), 'no_stream');
    const events = await store.readStream(stream);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(result).toEqual({ nextExpectedRevision: 2, position: events[2]!.position, written: true, events });
    expect(events[0]!.position).toBeLessThan(events[1]!.position);
    expect(events[1]!.position).toBeLessThan(events[2]!.position);
  });

  it('answers an append to a stream with history with exactly the events it wrote, chained to that history', async () => {
    const { store, clock } = ctx.fx();
    const stream = ctx.stream();
    await store.append(stream, testEvents(2), 'no_stream');
    clock.advance(1000);
    const one = await store.append(stream, [testEvent('One', { at: new Date(0), gone: undefined, list: [1, 'два'] })], 1);
    const many = await store.append(stream, testEvents(3, 'Many', 10), 2);
    const read = await store.readStream(stream);
    expect(one.events).toEqual(read.slice(2, 3));
    expect(many.events).toEqual(read.slice(3, 6));
    // What the seal added, spelled out: a deep-equality slip on these would break the chain.
    expect(one.events[0]!.metadata).toMatchObject({ prevHash: read[1]!.metadata.hash, hash: read[2]!.metadata.hash });
    expect(one.events[0]!.metadata.recordedAt).toBe(read[2]!.metadata.recordedAt);
    expect(one.events[0]!.data).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1, 'два'] });
    expect(many.events.map((e) => [e.revision, e.position])).toEqual(read.slice(3).map((e) => [e.revision, e.position]));
    expect(many.events[0]!.metadata.prevHash).toBe(one.events[0]!.metadata.hash);
    expect(many.position).toBe(many.events[2]!.position);
  });

  it('answers each append of one group commit (several in the same turn) with its own events', async () => {
    const { store } = ctx.fx();
    const streams = [ctx.stream(), ctx.stream(), ctx.stream()];
    await store.append(streams[1]!, testEvents(1, 'Before'), 'no_stream');
    const results = await Promise.all([
      store.append(streams[0]!, testEvents(2, 'A'), 'no_stream'),
      store.append(streams[1]!, testEvents(1, 'B'), 0),
      store.append(streams[2]!, testEvents(3, 'C'), 'any'),
    ]);
    const reads = await Promise.all(streams.map((s) => store.readStream(s)));
    expect(results.map((r) => r.events)).toEqual([reads[0], reads[1]!.slice(1), reads[2]]);
    expect(results.map((r) => r.events.map((e) => e.type))).toEqual([['A', 'A'], ['B'], ['C', 'C', 'C']]);
  });

  it('answers a replayed or empty append with no events, since it wrote none', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    const events = testEvents(2);
    const first = await store.append(stream, events, 'no_stream');
    expect(first.events).toHaveLength(2);
    const again = await store.append(stream, events, 'any');
    expect(again).toMatchObject({ written: false, events: [] });
    const stale = await store.append(stream, events, 'no_stream');
    expect(stale).toMatchObject({ written: false, events: [] });
    expect(await store.append(stream, [], 'any')).toMatchObject({ written: false, events: [] });
    expect(await store.readStream(stream)).toEqual(first.events);
  });

  it('writes a multi-event append all or nothing', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    await store.append(stream, testEvents(1), 'no_stream');
    await conflictOf(store.append(stream, testEvents(5, 'Batch'), 'no_stream'));
    expect(await store.readStream(stream)).toHaveLength(1);
    await store.append(stream, testEvents(5, 'Batch'), 0);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.type)).toEqual(['Happened', 'Batch', 'Batch', 'Batch', 'Batch', 'Batch']);
  });

  it('keeps concurrent appends with the same expectation from both succeeding', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    await store.append(stream, testEvents(1), 'no_stream');
    const results = await Promise.allSettled([1, 2, 3].map(() => store.append(stream, testEvents(2), 0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('does not let one refused append fail others made at the same time', async () => {
    const { store } = ctx.fx();
    const [a, b, c] = [ctx.stream(), ctx.stream(), ctx.stream()];
    await store.append(b, testEvents(1), 'no_stream');
    const results = await Promise.allSettled([
      store.append(a, testEvents(2), 'no_stream'),
      store.append(b, testEvents(1), 'no_stream'),
      store.append(c, testEvents(1), 'any'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream(a)).toHaveLength(2);
    expect(await store.readStream(b)).toHaveLength(1);
    expect(await store.readStream(c)).toHaveLength(1);
  });

  it('does not write an append again whose eventIds the stream holds (idempotent)', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    const events = testEvents(2);
    const first = await store.append(stream, events, 'no_stream');
    const again = await store.append(stream, events, 'any');
    expect(again).toMatchObject({ written: false, nextExpectedRevision: first.nextExpectedRevision });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('recognises a replay even with a stale expected revision', async () => {
    const { store } = ctx.fx();
    const stream = ctx.stream();
    const events = testEvents(2);
    await store.append(stream, events, 'no_stream');
    await store.append(stream, testEvents(1, 'Later'), 1);
    const again = await store.append(stream, events, 'no_stream');
    expect(again.written).toBe(false);
    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.type)).toEqual(['Happened', 'Happened', 'Later']);
    const head = await store.headPosition();
    expect(head).toBe(stored[2]!.position);
  });
}
