import { UnavailableError } from '@eventstore/db-client';
import { eventStoreContract, FakeClock } from '@bihuan/testing';
import { EsdbEventStore } from './esdb-event-store.adapter';

/**
 * The shared store contract against a real EventStoreDB (see infra/README.md). The server is
 * never emptied between runs: the contract names fresh categories and streams in every test
 * and reads `$all` from the head it found, so repeated runs do not see each other.
 */
const url = process.env.ESDB_URL;
const SKIP_MESSAGE = 'esdb contract skipped: set ESDB_URL=esdb://host:2113?tls=false to run it';

if (url) {
  eventStoreContract('esdb', async () => {
    const clock = new FakeClock();
    const store = EsdbEventStore.connect(url, clock);
    await store.ping();
    return { store, clock, teardown: () => store.close() };
  });
} else {
  describe('EventStore contract: esdb', () => {
    it('is skipped without ESDB_URL', () => {
      console.warn(SKIP_MESSAGE);
      expect(process.env.ESDB_URL).toBeUndefined();
    });
    describe.skip('needs an EventStoreDB server', () => {
      it('runs the shared contract', () => undefined);
    });
  });
}

/** The real gRPC client wired through the adapter, with nothing listening: failures surface, nothing hangs. */
describe('EsdbEventStore with the real client and no server reachable', () => {
  it('rejects ping, reads and appends, reports the subscription failure, and closes', async () => {
    const store = EsdbEventStore.connect('esdb://127.0.0.1:1?tls=false', new FakeClock());
    const failure = (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    expect(await failure(store.ping())).toBeInstanceOf(UnavailableError);
    expect(await failure(store.readStream('finding-1'))).toBeInstanceOf(UnavailableError);
    expect(await failure(store.readAll())).toBeInstanceOf(UnavailableError);
    expect(await failure(store.append('finding-1', [], 'any'))).toBeInstanceOf(UnavailableError);
    const errors: unknown[] = [];
    const reported = new Promise<void>((resolve) => {
      store.subscribeToAll(() => undefined, {
        onError: (error) => {
          errors.push(error);
          resolve();
        },
      });
    });
    await reported;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(UnavailableError);
    await expect(store.close()).resolves.toBeUndefined();
  });
});
