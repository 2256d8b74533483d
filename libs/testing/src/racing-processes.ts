import { EventStore } from '@bihuan/event-store';

/**
 * Views of one store as `count` separate processes would see it: each is its own store object, so
 * handleCommand's in-process queue does not order them, and each view's first `readStream` waits
 * until every view has read. Writers started together on them therefore all decide on the same
 * revision, and all but one append must meet a stale expected revision — the race a test of
 * "no lost update" needs, every run rather than by chance.
 */
export function racingProcesses(store: EventStore, count = 2): EventStore[] {
  let arrived = 0;
  let release: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  const view = (): EventStore => {
    let first = true;
    const readStream: EventStore['readStream'] = async (stream, options) => {
      const events = await store.readStream(stream, options);
      if (first) {
        first = false;
        arrived += 1;
        if (arrived === count) release();
        await allRead;
      }
      return events;
    };
    return new Proxy(store, {
      get: (target, key) => {
        if (key === 'readStream') return readStream;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return Array.from({ length: count }, view);
}
