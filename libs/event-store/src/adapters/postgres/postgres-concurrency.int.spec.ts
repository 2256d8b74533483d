import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { isWrongExpectedRevision } from '../../errors';
import { EventStore } from '../../event-store.port';
import { verifyLogAndHeads } from '../verify-heads';
import { PostgresEventStore } from './postgres-event-store.adapter';

/** Read the head, append on it, retry on conflict: what handleCommand does for every command. */
async function incrementWithRetry(store: EventStore, stream: string, n: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const last = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0];
    try {
      await store.append(stream, testEvents(1, 'Counted', n), last ? last.revision : 'no_stream');
      return attempt;
    } catch (error) {
      if (!isWrongExpectedRevision(error)) throw error;
    }
  }
}

/**
 * Two stores on one database are two sessions to PostgreSQL, exactly as two processes would be:
 * the append lock, the xids and the unique indexes are all the server's. Writers on both contend
 * for the same few streams, so appends are refused as stale and retried, and batches of one store
 * meet rows the other has inserted but not yet committed.
 */
describe('PostgresEventStore with writers on two stores contending for the same streams', () => {
  let db: TestPostgresDatabase;
  let stores: PostgresEventStore[];
  beforeAll(async () => {
    db = await createTestPostgresDatabase('contention');
    stores = await Promise.all([0, 1].map(() => PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), pollIntervalMs: 10 })));
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  });

  it('loses no update, delivers every event once and in order, and leaves intact chains', async () => {
    const seen: number[] = [];
    const sub = stores[0]!.subscribeToAll((e) => void seen.push(e.position));
    const writers = Array.from({ length: 24 }, (_, w) => w);
    const perWriter = 5;
    const attempts = await Promise.all(
      writers.map(async (w) => {
        let tries = 0;
        for (let k = 0; k < perWriter; k++) tries += await incrementWithRetry(stores[w % 2]!, `counter-${w % 3}`, w * 100 + k);
        return tries;
      }),
    );
    const total = writers.length * perWriter;
    expect(attempts.reduce((a, b) => a + b, 0)).toBeGreaterThan(total); // there was contention
    const all = await stores[1]!.readAll();
    expect(all).toHaveLength(total);
    for (const stream of ['counter-0', 'counter-1', 'counter-2']) {
      expect((await stores[1]!.readStream(stream)).map((e) => e.revision)).toEqual(Array.from({ length: total / 3 }, (_, i) => i));
    }
    await sub.caughtUpTo(all[all.length - 1]!.position);
    await sub.stop();
    expect(seen).toEqual(all.map((e) => e.position));
    expect(await verifyLogAndHeads(stores[0]!)).toMatchObject({ ok: true, streams: 3, events: total });
  });
});
