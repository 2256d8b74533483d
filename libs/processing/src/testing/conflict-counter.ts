import { EventStore, isWrongExpectedRevision } from '@bihuan/event-store';

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
