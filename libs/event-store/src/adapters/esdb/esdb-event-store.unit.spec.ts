import { verifyStore } from '../../chain/verify';
import { WrongExpectedRevisionError } from '../../errors';
import { LOOSE_APPEND_ATTEMPTS, READ_BACK_PAUSES_MS } from './esdb-append';
import { FakeClock } from '@bihuan/testing';
import { event, events, rejection, setupWith, sneakIn } from './esdb-fixtures.fake';

const setup = () => setupWith(new FakeClock());

describe('EsdbEventStore append (against an in-memory ESDB double)', () => {
  it('seals a hash chain across appends that verify reads back intact', async () => {
    const { store, client } = setup();
    const first = await store.append('finding-1', events(2), 'no_stream');
    await store.append('finding-1', events(1, 'Closed'), first.nextExpectedRevision);
    const stored = await store.readStream('finding-1');
    expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(stored[0]!.metadata.prevHash).toBeNull();
    expect(stored[1]!.metadata.prevHash).toBe(stored[0]!.metadata.hash);
    expect(stored[2]!.metadata.prevHash).toBe(stored[1]!.metadata.hash);
    expect((await verifyStore(store)).ok).toBe(true);
    expect(client.appendCalls.map((c) => c.expectedRevision)).toEqual(['no_stream', 1n]);
  });

  it('answers with the revision and the position of the last event written, and the events read back', async () => {
    const { store } = setup();
    const result = await store.append('finding-1', events(3), 'no_stream');
    const stored = await store.readStream('finding-1');
    expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2]!.position, written: true, events: stored });
  });

  it('stamps recordedAt from the clock and keeps a non-UUID eventId, giving ESDB a derived UUID', async () => {
    const { store, client, clock } = setup();
    await store.append('finding-1', [event('Opened', {}, 'id-000001')], 'no_stream');
    const [stored] = await store.readStream('finding-1');
    expect(stored!.metadata).toMatchObject({ eventId: 'id-000001', recordedAt: clock.now().toISOString() });
    expect(client.log[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.log[0]!.metadata).toMatchObject({ $correlationId: 'corr-1' });
  });

  it('refuses a wrong explicit expectation before writing, with the actual revision', async () => {
    const { store, client } = setup();
    await store.append('finding-1', events(2), 'no_stream');
    const cases = [
      { expected: 'no_stream' as const, actual: 1 },
      { expected: 0, actual: 1 },
      { expected: 5, actual: 1 },
    ];
    for (const c of cases) {
      const error = await rejection(store.append('finding-1', events(1), c.expected));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamName: 'finding-1', expected: c.expected, actual: c.actual });
    }
    expect(await rejection(store.append('finding-2', events(1), 'stream_exists'))).toMatchObject({ actual: 'no_stream' });
    expect(client.appendCalls).toHaveLength(1);
  });

  it('maps a conflict the server detects (another writer in between) for an explicit expectation', async () => {
    const { store, client } = setup();
    await store.append('finding-1', events(1), 'no_stream');
    client.beforeAppend = (stream) => {
      client.beforeAppend = null;
      client.write(stream, 'Sneaky');
    };
    const error = await rejection(store.append('finding-1', events(1), 0));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: 0, actual: 1 });
  });

  it('pins any / stream_exists to the tail it read and retries on conflict, so the chain cannot fork', async () => {
    const { store, client } = setup();
    await store.append('finding-1', events(1), 'no_stream');
    let interruptions = 2;
    client.beforeAppend = (stream) => {
      if (interruptions-- > 0) sneakIn(client, stream);
    };
    const result = await store.append('finding-1', events(1, 'Mine'), 'stream_exists');
    const stored = await store.readStream('finding-1');
    expect(stored.map((e) => e.type)).toEqual(['Happened', 'Sneaky', 'Sneaky', 'Mine']);
    expect(result).toMatchObject({ nextExpectedRevision: 3, written: true });
    expect((await verifyStore(store)).ok).toBe(true);
    expect(client.appendCalls.slice(1).map((c) => c.expectedRevision)).toEqual([0n, 1n, 2n]);
  });

  it('gives up with a conflict after a bounded number of attempts', async () => {
    const { store, client } = setup();
    await store.append('finding-1', events(1), 'no_stream');
    client.beforeAppend = (stream) => sneakIn(client, stream);
    const error = await rejection(store.append('finding-1', events(1), 'any'));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: 'any' });
    expect(client.appendCalls).toHaveLength(1 + LOOSE_APPEND_ATTEMPTS);
  });

  it('does not write a replay of eventIds the stream holds, even with a stale expectation', async () => {
    const { store, client } = setup();
    const batch = events(2);
    const first = await store.append('finding-1', batch, 'no_stream');
    await store.append('finding-1', events(1, 'Later'), 1);
    for (const expected of ['no_stream', 0, 'any'] as const) {
      const again = await store.append('finding-1', batch, expected);
      expect(again).toEqual({ written: false, nextExpectedRevision: 2, position: first.position, events: [] });
    }
    expect(client.appendCalls).toHaveLength(2);
    expect(await store.readStream('finding-1')).toHaveLength(3);
  });

  it('refuses a partial replay and an append that repeats an eventId, as the embedded adapters do', async () => {
    const { store, client } = setup();
    const [a, b] = events(2);
    await store.append('finding-1', [a!], 'no_stream');
    expect(await rejection(store.append('finding-1', [a!, b!], 0))).toMatchObject({ code: 'STORE.DUPLICATE_EVENT_ID', kind: 'conflict' });
    expect(await rejection(store.append('finding-2', [b!, b!], 'no_stream'))).toMatchObject({
      code: 'STORE.DUPLICATE_EVENT_ID',
      kind: 'validation',
    });
    expect(client.appendCalls).toHaveLength(1);
  });

  it('hashes the event as JSON gives it back (a Date in data would otherwise break verify)', async () => {
    const { store } = setup();
    await store.append('finding-1', [event('Opened', { at: new Date('2025-03-03T00:00:00.000Z'), gone: undefined })], 'no_stream');
    const [stored] = await store.readStream('finding-1');
    expect(stored!.data).toEqual({ at: '2025-03-03T00:00:00.000Z' });
    expect((await verifyStore(store)).ok).toBe(true);
  });

  it('never stamps a recordedAt earlier than one it stamped before (as-of by time stays a prefix)', async () => {
    const { store, clock } = setup();
    await store.append('finding-1', events(1), 'no_stream');
    clock.advance(-60_000);
    await store.append('finding-1', events(1), 0);
    const [first, second] = await store.readStream('finding-1');
    expect(second!.metadata.recordedAt).toBe(first!.metadata.recordedAt);
  });

  it('refuses to extend a stream whose last event it did not write (the chain would break silently)', async () => {
    const { store, client } = setup();
    client.write('legacy-1', 'Imported', {}, { source: 'elsewhere' });
    await expect(store.append('legacy-1', events(1), 'any')).rejects.toThrow(/did not write/);
  });

  /** Fails the next `times` forward reads (the read back after an append; the tail is read backwards). */
  const failReadsBack = (client: ReturnType<typeof setup>['client'], times: number): void => {
    let left = times;
    client.beforeRead = (_stream, options) => {
      if (options.direction === 'forwards' && left-- > 0) throw new Error('connection lost');
    };
  };

  it('reads back a written append again when the read fails, instead of failing written work', async () => {
    const { store, client } = setup();
    failReadsBack(client, READ_BACK_PAUSES_MS.length);
    const result = await store.append('finding-1', events(2), 'no_stream');
    client.beforeRead = null;
    const stored = await store.readStream('finding-1');
    expect(result).toEqual({ nextExpectedRevision: 1, position: stored[1]!.position, written: true, events: stored });
    expect(client.appendCalls).toHaveLength(1);
  });

  it('says the events were written when no read back succeeds, and answers their retry as a replay', async () => {
    const { store, client } = setup();
    const written = events(2);
    failReadsBack(client, READ_BACK_PAUSES_MS.length + 1);
    await expect(store.append('finding-1', written, 'no_stream')).rejects.toThrow(
      /2 event\(s\) were appended to finding-1 from revision 0 but could not be read back/,
    );
    client.beforeRead = null;
    expect(await store.readStream('finding-1')).toHaveLength(2);
    expect(await store.append('finding-1', written, 'no_stream')).toMatchObject({ written: false, nextExpectedRevision: 1 });
    expect(client.appendCalls).toHaveLength(1);
  });
});
