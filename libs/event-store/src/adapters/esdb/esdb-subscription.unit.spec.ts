import { RecordedEvent } from '../../event-store.port';
import { FakeClock } from '@bihuan/testing';
import { events, rejection, setupWith } from './esdb-fixtures.fake';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

const setup = () => setupWith(new FakeClock());

describe('EsdbEventStore subscribeToAll (against an in-memory ESDB double)', () => {
  it('delivers past then live events once, in order, awaiting each handler before the next', async () => {
    const { store, client } = setup();
    await store.append('finding-1', events(2), 'no_stream');
    const seen: number[] = [];
    let active = 0;
    let maxActive = 0;
    const sub = store.subscribeToAll(async (e) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await tick();
      seen.push(e.position);
      active -= 1;
    });
    client.write('$stats-127.0.0.1:2113', '$statsCollected');
    await Promise.all([store.append('finding-2', events(2), 'no_stream'), store.append('finding-3', events(1), 'no_stream')]);
    const last = await store.append('finding-1', events(1), 1);
    await sub.caughtUpTo(last.position);
    const all = (await store.readAll()).map((e) => e.position);
    expect(seen).toEqual(all);
    expect(maxActive).toBe(1);
    await sub.stop();
  });

  it('starts after the checkpoint, exclusive, even when ESDB hands the checkpoint event back', async () => {
    const { store, client } = setup();
    const first = await store.append('finding-1', events(2), 'no_stream');
    await store.append('finding-1', events(2, 'Happened', 2), 1);
    const seen: unknown[] = [];
    const sub = store.subscribeToAll((e) => void seen.push((e.data as { n: number }).n), { fromPosition: first.position });
    const head = (await store.headPosition())!;
    await sub.caughtUpTo(head);
    expect(seen).toEqual([2, 3]);
    const options = client.subscriptions.length;
    expect(options).toBe(1);
    await sub.stop();
  });

  it('filters on the server and re-checks both parts; caughtUpTo returns when the last event is filtered out', async () => {
    const { store } = setup();
    const seen: string[] = [];
    const sub = store.subscribeToAll((e) => void seen.push(`${e.streamName}:${e.type}`), {
      filter: { categories: ['finding'], eventTypes: ['Opened'] },
    });
    await store.append('finding-1', [...events(1, 'Opened'), ...events(1, 'Closed')], 'no_stream');
    await store.append('complaint-1', events(1, 'Opened'), 'no_stream');
    await store.append('finding-2', events(1, 'Opened'), 'no_stream');
    const last = await store.append('complaint-2', events(3, 'Opened'), 'no_stream');
    await sub.caughtUpTo(last.position);
    expect(seen).toEqual(['finding-1:Opened', 'finding-2:Opened']);
    await sub.stop();
  });

  it('calls onError once and stops when the handler throws; waiting for more then fails', async () => {
    const { store } = setup();
    const errors: unknown[] = [];
    const handled: RecordedEvent[] = [];
    const sub = store.subscribeToAll(
      (e) => {
        if ((e.data as { n: number }).n === 1) throw new Error('projection bug');
        handled.push(e);
      },
      { onError: (error) => errors.push(error) },
    );
    const last = await store.append('finding-1', events(3), 'no_stream');
    expect(await rejection(sub.caughtUpTo(last.position))).toMatchObject({ message: 'projection bug' });
    await tick();
    expect(errors).toHaveLength(1);
    expect(handled).toHaveLength(1);
    await store.append('finding-2', events(1), 'no_stream');
    await tick();
    expect(handled).toHaveLength(1);
  });

  it('reports a store failure through onError', async () => {
    const { store, client } = setup();
    const errors: unknown[] = [];
    store.subscribeToAll(() => undefined, { onError: (error) => errors.push(error) });
    await tick();
    client.subscriptions[0]!.fail(new Error('connection lost'));
    await tick();
    expect(errors.map((e) => (e as Error).message)).toEqual(['connection lost']);
  });

  it('treats a subscription the server ends as a failure, so the worker can resubscribe', async () => {
    const { store, client } = setup();
    const errors: unknown[] = [];
    store.subscribeToAll(() => undefined, { onError: (error) => errors.push(error) });
    await tick();
    client.subscriptions[0]!.end();
    await tick();
    expect(errors.map((e) => (e as Error).message)).toEqual(['EventStoreDB ended the subscription']);
  });

  it('stop waits for the running handler and no handler starts afterwards', async () => {
    const { store } = setup();
    let release: () => void = () => undefined;
    const done: number[] = [];
    const sub = store.subscribeToAll(async (e) => {
      await new Promise<void>((resolve) => (release = resolve));
      done.push(e.revision);
    });
    await store.append('finding-1', events(3), 'no_stream');
    await tick();
    const stopping = sub.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    await tick();
    expect(done).toEqual([0]);
    expect(await rejection(sub.caughtUpTo(Number.MAX_SAFE_INTEGER))).toMatchObject({ message: 'Subscription stopped' });
  });

  it('is stopped by close', async () => {
    const { store, client } = setup();
    const seen: number[] = [];
    store.subscribeToAll((e) => void seen.push(e.position));
    await store.close();
    await store.append('finding-1', events(1), 'no_stream');
    await tick();
    expect(seen).toEqual([]);
    expect(client.disposed).toBe(true);
  });
});
