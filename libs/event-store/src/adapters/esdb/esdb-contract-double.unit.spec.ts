import { eventStoreContract, FakeClock } from '@bihuan/testing';
import { FakeEsdbClient } from './esdb-client.fake';
import { EsdbEventStore } from './esdb-event-store.adapter';

/**
 * The shared contract run through the adapter against the in-memory ESDB double: it checks the
 * adapter's own logic (sealing, idempotency, pinning, filters, subscriptions) on every test run;
 * the real server's behaviour is covered by esdb-event-store.int.spec.ts where ESDB_URL is set.
 */
eventStoreContract('esdb adapter on an in-memory ESDB double', async () => {
  const clock = new FakeClock();
  const store = new EsdbEventStore(new FakeEsdbClient(), clock);
  return { store, clock, teardown: () => store.close() };
});

describe('esdb adapter identity', () => {
  it('reports itself as the esdb adapter, so /health and operators can tell which log is in use', () => {
    expect(new EsdbEventStore(new FakeEsdbClient(), new FakeClock()).kind).toBe('esdb');
  });
});
