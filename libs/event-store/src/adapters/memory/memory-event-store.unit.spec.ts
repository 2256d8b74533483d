import { eventStoreContract, FakeClock } from '@bihuan/testing';
import { MemoryEventStore } from './memory-event-store.adapter';

eventStoreContract('memory', async () => {
  const clock = new FakeClock();
  const store = new MemoryEventStore(clock);
  return { store, clock, teardown: () => store.close() };
});

describe('MemoryEventStore specifics', () => {
  it('keeps stream heads in step with the chain, for the verifier', async () => {
    const store = new MemoryEventStore(new FakeClock());
    const [written] = await store.readStream('x-1');
    expect(written).toBeUndefined();
    await store.append(
      'x-1',
      [
        {
          type: 'A',
          data: {},
          metadata: {
            eventId: 'e1',
            correlationId: 'c',
            causationId: null,
            actor: { id: 'u', role: 'admin', unit: 'prov' },
            occurredAt: '2025-03-03T01:00:00.000Z',
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    const [event] = await store.readStream('x-1');
    expect(store.streamHeads().get('x-1')).toEqual({ revision: 0, hash: event!.metadata.hash });
  });
});
