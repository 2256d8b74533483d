import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { SystemClock, TimeOrderedIdGenerator } from '@bihuan/core';

/** Events per stream and appends in flight while building the log (group commit batches them). */
export const PER_STREAM = 10;
const IN_FLIGHT = 64;

const ids = new TimeOrderedIdGenerator();

function note(n: number): EventToAppend {
  return {
    type: 'BenchNoted',
    data: { n, text: 'Hand hygiene not observed in ward 3', severity: 'major' },
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

/**
 * Writes `events` events into the SQLite log at `file` (streams of 10, 64 appends in flight), the
 * shape of a long-lived deployment's log. Synchronous=NORMAL: building it is set-up, not measured
 * for durability. Answers how long it took (seconds).
 */
export async function buildLog(file: string, events: number): Promise<number> {
  const store = SqliteEventStore.open({ file, clock: new SystemClock(), synchronous: 'NORMAL' });
  const started = process.hrtime.bigint();
  try {
    let written = 0;
    let stream = 0;
    while (written < events) {
      const appends: Promise<unknown>[] = [];
      for (let k = 0; k < IN_FLIGHT && written < events; k++) {
        const count = Math.min(PER_STREAM, events - written);
        const batch = Array.from({ length: count }, (_, i) => note(written + i));
        written += count;
        appends.push(store.append(`benchCase-${stream++}`, batch, 'no_stream'));
      }
      await Promise.all(appends);
    }
  } finally {
    await store.close();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds since `started` (hrtime). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
