import { Clock } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { MemoryCaseIndex } from '../case-index/memory-case-index.adapter';
import { seedLinkedCase } from './linked-case.fixture';

/** A test clock that can be moved on (FakeClock; typed here so the build need not see the testing lib). */
export interface SteppingClock extends Clock {
  advanceHours(hours: number): unknown;
}

/**
 * The linked case in a memory store, one hour between appends, with the case index caught up:
 * what the history, dossier and export specs all start from.
 */
export async function indexedLinkedCase(clock: SteppingClock) {
  const store = new MemoryEventStore(clock);
  const ids = await seedLinkedCase(
    store,
    () => clock.now().toISOString(),
    () => void clock.advanceHours(1),
  );
  const index = new MemoryCaseIndex();
  for (const e of await store.readAll()) await index.handle(e);
  return { store, ids, index };
}
