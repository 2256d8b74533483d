import { RecordedEvent } from '../../event-store.port';
import { SharedTail, TAIL_EVENTS } from './sqlite-tail';

/** A log of `count` events: streams `visit-<n>` and `finding-<n>` in turn, types by stream. */
function event(position: number): RecordedEvent {
  const visit = position % 2 === 1;
  return {
    streamName: visit ? `visit-${position}` : `finding-${position}`,
    revision: 0,
    position,
    type: visit ? 'VisitPlanned' : 'FindingOpened',
    data: {},
    metadata: {} as RecordedEvent['metadata'],
  };
}

describe('SharedTail: the newest events, read once for every reader near the head', () => {
  let log: RecordedEvent[];
  let loads: number[];
  let tail: SharedTail;
  const head = (): number => log.length;
  const append = (n: number): void => {
    for (let i = 0; i < n; i++) log.push(event(log.length + 1));
  };

  beforeEach(() => {
    log = [];
    loads = [];
    tail = new SharedTail((after) => {
      loads.push(after);
      return log.filter((e) => e.position > after);
    });
    append(100);
  });

  it('reads the new events once for all readers and filters them in memory as the SQL does', () => {
    expect(tail.read(90, head(), -1, undefined)!.map((e) => e.position)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
    expect(tail.read(95, head(), -1, { categories: ['visit'] })!.map((e) => e.position)).toEqual([97, 99]);
    expect(tail.read(90, head(), 2, { eventTypes: ['FindingOpened'] })!.map((e) => e.position)).toEqual([92, 94]);
    expect(tail.read(90, head(), -1, { categories: ['visit'], eventTypes: ['FindingOpened'] })).toEqual([]);
    expect(tail.read(90, head(), 0, undefined)).toEqual([]);
    expect(loads).toEqual([90]);

    append(3);
    expect(tail.read(100, head(), -1, undefined)!.map((e) => e.position)).toEqual([101, 102, 103]);
    expect(tail.read(98, head(), -1, { categories: ['finding'] })!.map((e) => e.position)).toEqual([100, 102]);
    expect(loads).toEqual([90, 100]); // only what came after the events held
  });

  it('answers nothing without reading at or after the head, and leaves readers too far behind to SQL', () => {
    expect(tail.read(100, head(), -1, undefined)).toEqual([]);
    expect(tail.read(100 - TAIL_EVENTS - 1, head(), -1, undefined)).toBeNull();
    expect(loads).toEqual([]);
  });

  it('starts again for a reader behind the events it holds, and lets go of those more than TAIL_EVENTS back', () => {
    tail.read(95, head(), -1, undefined);
    expect(tail.read(50, head(), 1, undefined)!.map((e) => e.position)).toEqual([51]);
    expect(loads).toEqual([95, 50]);

    append(TAIL_EVENTS);
    const newest = head();
    expect(tail.read(newest - 1, newest, -1, undefined)!.map((e) => e.position)).toEqual([newest]);
    expect(loads).toEqual([95, 50, 100]); // what came after the events held, though this reader asked for less
    // Now it holds 101..356 only: a reader at 100 is answered from it, one at 99 is left to SQL.
    expect(tail.read(100, newest, -1, undefined)).toHaveLength(TAIL_EVENTS);
    expect(tail.read(99, newest, -1, undefined)).toBeNull();
    expect(loads).toEqual([95, 50, 100]);
  });

  it('starts again at the reader when it holds too little of what came since', () => {
    tail.read(95, head(), -1, undefined);
    append(TAIL_EVENTS + 1);
    expect(tail.read(head() - 2, head(), -1, undefined)!.map((e) => e.position)).toEqual([head() - 1, head()]);
    expect(loads).toEqual([95, head() - 2]);
  });
});
