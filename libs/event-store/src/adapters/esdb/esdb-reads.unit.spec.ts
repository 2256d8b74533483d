import { FakeClock } from '@bihuan/testing';
import { event, events, setupWith } from './esdb-fixtures.fake';

const numbers = (list: readonly { data: object }[]): unknown[] => list.map((e) => (e.data as { n?: unknown }).n);

const setup = () => setupWith(new FakeClock());

describe('EsdbEventStore reads (against an in-memory ESDB double)', () => {
  it('reads a stream forwards, backwards, from a revision, with a maximum count; [] when missing', async () => {
    const { store } = setup();
    await store.append('finding-1', events(5), 'no_stream');
    expect(numbers(await store.readStream('finding-1'))).toEqual([0, 1, 2, 3, 4]);
    expect(numbers(await store.readStream('finding-1', { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
    expect(numbers(await store.readStream('finding-1', { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
    expect(numbers(await store.readStream('finding-1', { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
    expect(await store.readStream('finding-1', { maxCount: 0 })).toEqual([]);
    expect(await store.readStream('finding-404')).toEqual([]);
    expect(await store.readStream('finding-404', { direction: 'backwards' })).toEqual([]);
  });

  it('reads a stream as of a position or a recorded time, in either direction', async () => {
    const { store, clock } = setup();
    const t0 = clock.now().toISOString();
    const r0 = await store.append('finding-1', events(2), 'no_stream');
    clock.advance(60_000);
    const t1 = clock.now().toISOString();
    await store.append('finding-1', events(1, 'Happened', 2), 1);
    await store.append('other-1', events(1), 'no_stream');
    clock.advance(60_000);
    await store.append('finding-1', events(1, 'Happened', 3), 2);
    expect(numbers(await store.readStream('finding-1', { asOf: { position: r0.position } }))).toEqual([0, 1]);
    expect(numbers(await store.readStream('finding-1', { asOf: { recordedAt: t0 } }))).toEqual([0, 1]);
    expect(numbers(await store.readStream('finding-1', { asOf: { recordedAt: t1 } }))).toEqual([0, 1, 2]);
    expect(numbers(await store.readStream('finding-1', { direction: 'backwards', asOf: { recordedAt: t1 }, maxCount: 2 }))).toEqual([2, 1]);
    expect(await store.readStream('finding-1', { asOf: { recordedAt: '2000-01-01T00:00:00.000Z' } })).toEqual([]);
  });

  it('reads all after an exclusive position, skipping ESDB system events and foreign events', async () => {
    const { store, client } = setup();
    client.write('$stats-127.0.0.1:2113', '$statsCollected');
    const a = await store.append('finding-1', events(2), 'no_stream');
    client.write('$ce-finding', '$>');
    client.write('legacy-1', 'Imported', { n: 'foreign' }, { other: 'app' });
    await store.append('complaint-1', events(2, 'Happened', 2), 'no_stream');
    const all = await store.readAll();
    expect(numbers(all)).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
    expect(numbers(await store.readAll({ fromPosition: a.position }))).toEqual([2, 3]);
    expect(numbers(await store.readAll({ fromPosition: all[0]!.position, maxCount: 2 }))).toEqual([1, 2]);
    expect(await store.readAll({ maxCount: 0 })).toEqual([]);
  });

  it('filters read all by categories and event types (both at once too)', async () => {
    const { store } = setup();
    await store.append('finding-1', [event('Opened'), event('Closed')], 'no_stream');
    await store.append('complaintTicket-1-with-dashes', [event('Opened')], 'no_stream');
    await store.append('findings-1', [event('Opened')], 'no_stream');
    const streams = async (filter: object): Promise<string[]> => (await store.readAll({ filter })).map((e) => `${e.streamName}:${e.type}`);
    expect(await streams({ categories: ['finding', 'complaintTicket'] })).toEqual([
      'finding-1:Opened',
      'finding-1:Closed',
      'complaintTicket-1-with-dashes:Opened',
    ]);
    expect(await streams({ categories: ['finding', 'findings'], eventTypes: ['Opened'] })).toEqual([
      'finding-1:Opened',
      'findings-1:Opened',
    ]);
    expect(await streams({ eventTypes: ['Closed'] })).toEqual(['finding-1:Closed']);
  });

  it('reports the head as the newest Bihuan event, not ESDB’s own later system events', async () => {
    const { store, client } = setup();
    client.write('$stats-127.0.0.1:2113', '$statsCollected');
    expect(await store.headPosition()).toBeNull();
    const result = await store.append('finding-1', events(3), 'no_stream');
    client.write('$ce-finding', '$>');
    expect(await store.headPosition()).toBe(result.position);
  });

  it('pings by reading the log, and disposes the client on close', async () => {
    const { store, client } = setup();
    await expect(store.ping()).resolves.toBeUndefined();
    client.readAll = () => {
      throw new Error('unavailable');
    };
    await expect(store.ping()).rejects.toThrow('unavailable');
    await store.close();
    expect(client.disposed).toBe(true);
  });
});
