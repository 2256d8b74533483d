import { EventStore, isWrongExpectedRevision } from '@bihuan/event-store';
import { handleCommand } from '../commands/handle-command';
import { counterDecider, increment } from './counter.decider';

/** Wraps a store to count appends refused for a stale expected revision (proves retries ran). */
export function countingConflicts(store: EventStore): { store: EventStore; conflicts: () => number } {
  let conflicts = 0;
  const append: EventStore['append'] = async (stream, events, expected) => {
    try {
      return await store.append(stream, events, expected);
    } catch (error) {
      if (isWrongExpectedRevision(error)) conflicts += 1;
      throw error;
    }
  };
  const wrapped = new Proxy(store, {
    get: (target, key) => {
      if (key === 'append') return append;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, conflicts: () => conflicts };
}

/**
 * The same check for every store: 50 writers on one stream without a shared in-process queue (as
 * separate processes would be) conflict, and the retries still lose none of the 50 increments.
 */
export function itLosesNoWriteUnderConflicts(storeOf: () => EventStore): void {
  it('given 50 concurrent writers without a shared queue (as separate processes), when they conflict, then retries lose none', async () => {
    const store = storeOf();
    const { store: counted, conflicts } = countingConflicts(store);
    const decider = counterDecider();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        handleCommand(counted, 'counter-3', decider, increment(`p-${i}`), { serializeInProcess: false, maxAttempts: 60 }),
      ),
    );
    expect(await store.readStream('counter-3')).toHaveLength(50);
    expect(conflicts()).toBeGreaterThan(0);
  });
}
