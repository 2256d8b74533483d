import { hashEvent, sealEvent, verifyStore } from '@bihuan/event-store';
import { ContractContext, testEvent, testEvents } from './event-store.contract.fixtures';

/** SM3 hash chain per stream, identical on every adapter. */
export function chainContract(ctx: ContractContext): void {
  it('links every event to the previous one of its stream and hashes its canonical form', async () => {
    const { store, clock } = ctx.fx();
    const stream = ctx.stream();
    const other = ctx.stream();
    const r = await store.append(stream, testEvents(2), 'no_stream');
    await store.append(other, testEvents(1), 'no_stream');
    clock.advance(1_000);
    await store.append(stream, testEvents(2, 'Happened', 2), r.nextExpectedRevision);
    const events = await store.readStream(stream);
    expect(events).toHaveLength(4);
    expect(events[0]!.metadata.prevHash).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i]!.metadata.prevHash).toBe(events[i - 1]!.metadata.hash);
    for (const e of events) {
      expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hashEvent(e)).toBe(e.metadata.hash);
    }
    expect(new Set(events.map((e) => e.metadata.hash)).size).toBe(4);
    expect((await store.readStream(other))[0]!.metadata.prevHash).toBeNull();
    const result = await verifyStore(store, { stream });
    expect(result).toMatchObject({ ok: true, events: 4, firstBreak: null, lastHash: events[3]!.metadata.hash });
    expect((await verifyStore(store)).ok).toBe(true);
  });

  it('seals exactly as sealEvent does, so hashes do not depend on the adapter', async () => {
    const { store, clock } = ctx.fx();
    const stream = ctx.stream();
    const inputs = [testEvent('Opened', { title: '投诉', items: [1, 'two', { z: null, a: false }] }), testEvent('Noted', { note: 'x' })];
    const recordedAt = clock.now().toISOString();
    await store.append(stream, inputs, 'no_stream');
    const stored = await store.readStream(stream);
    let prevHash: string | null = null;
    for (const [i, input] of inputs.entries()) {
      const expected = sealEvent(stream, i, prevHash, input, recordedAt);
      expect(stored[i]!.metadata).toEqual(expected.metadata);
      prevHash = expected.metadata.hash;
    }
  });

  it('gives the same logical events the same hashes in two fresh stores', async () => {
    const second = await ctx.setup();
    try {
      const first = ctx.fx();
      const at = '2025-06-01T08:00:00.000Z';
      first.clock.set(at);
      second.clock.set(at);
      const stream = ctx.stream();
      const events = [testEvent('Opened', { a: 1 }), testEvent('Closed', { b: [2] })];
      await first.store.append(stream, events, 'any');
      await second.store.append(stream, events, 'any');
      const hashes = async (s: typeof first.store): Promise<string[]> => (await s.readStream(stream)).map((e) => e.metadata.hash);
      const expected = sealEvent(stream, 0, null, events[0]!, at).metadata.hash;
      expect(await hashes(first.store)).toEqual(await hashes(second.store));
      expect((await hashes(first.store))[0]).toBe(expected);
    } finally {
      await second.teardown();
    }
  });
}
