import { eventStoreContract, FakeClock } from '@bihuan/testing';
import { MemoryEventStore } from './memory-event-store.adapter';

eventStoreContract('memory', async () => {
  const clock = new FakeClock();
  const store = new MemoryEventStore(clock);
  return { store, clock, teardown: () => store.close() };
});
