import { EventStore, EventToAppend } from '@bihuan/event-store';
import { TimeOrderedIdGenerator } from '@bihuan/core';
import { Step, throughput } from './bench-output';

/** What the store bench measures on every adapter (sqlite, postgres), so both see the same events and steps. */

/**
 * Event ids as the product makes them: time-ordered (requests' command ids come from this
 * generator, and the events a command writes keep its time: derivedId). The raw reference inserts
 * the same kind of ids, so both sides write the same index pages.
 */
export const ids = new TimeOrderedIdGenerator();

export function event(n: number): EventToAppend {
  return {
    type: 'FindingOpened',
    data: { n, title: 'Hand hygiene not observed in ward 3', severity: 'major', dueAt: '2025-03-10T00:00:00.000Z' },
    metadata: {
      eventId: ids.next(),
      correlationId: 'bench',
      causationId: null,
      actor: { id: 'inspector-1', role: 'inspector', unit: 'hz-1' },
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/** What a raw insert writes: an event of the same size as the store's, with a sealed-looking envelope. */
export function rawEnvelope(): { data: string; metadata: string } {
  const sample = event(0);
  return {
    data: JSON.stringify(sample.data),
    metadata: JSON.stringify({ ...sample.metadata, recordedAt: new Date().toISOString(), prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) }),
  };
}

/** One append awaited at a time, to one stream with an exact expected revision. */
export function appendSeq(store: EventStore): Step {
  let expected: number | 'no_stream' = 'no_stream';
  let n = 0;
  return async () => {
    expected = (await store.append('seq-1', [event(n++)], expected)).nextExpectedRevision;
    return 1;
  };
}

/** `inFlight` appends at a time, each to its own stream. */
export function appendConcurrent(store: EventStore, inFlight: number): Step {
  const expected: (number | 'no_stream')[] = Array.from({ length: inFlight }, () => 'no_stream');
  let n = 0;
  return async () => {
    const results = await Promise.all(expected.map((e, w) => store.append(`conc-${w}`, [event(n++)], e)));
    results.forEach((r, w) => (expected[w] = r.nextExpectedRevision));
    return inFlight;
  };
}

export async function readStream(store: EventStore, seconds: number): Promise<number> {
  for (let rev = -1; rev < 9_999; rev += 100) {
    await store.append(
      'big-1',
      Array.from({ length: 100 }, (_, k) => event(rev + k + 1)),
      rev < 0 ? 'no_stream' : rev,
    );
  }
  return throughput(seconds, async () => (await store.readStream('big-1')).length);
}

export async function readAll(store: EventStore, seconds: number): Promise<number> {
  let from: number | null = null;
  return throughput(seconds, async () => {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    from = page.length === 1000 ? page[page.length - 1]!.position : null;
    return page.length;
  });
}
