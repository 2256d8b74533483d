import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '@bihuan/event-store';
import { FakeClock } from './fake-clock';

/** A fresh store for one test, with the clock it stamps recordedAt from. */
export interface EventStoreFixture {
  store: EventStore;
  clock: FakeClock;
  teardown(): Promise<void>;
}

/** What each part of the suite gets: the current test's fixture and fresh names. */
export interface ContractContext {
  readonly setup: () => Promise<EventStoreFixture>;
  /** The fixture of the running test (set in beforeEach). */
  fx(): EventStoreFixture;
  /** A category no other test (or earlier run against a shared server) has used. */
  category(): string;
  /** A fresh stream `<fresh category>-<id>`. */
  stream(id?: string): string;
}

/** A test event with a complete write envelope. */
export function testEvent(type: string, data: object = {}, eventId: string = randomUUID()): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId,
      correlationId: 'corr-1',
      causationId: null,
      actor: { id: 'u-1', role: 'inspector', unit: 'root' },
      occurredAt: '2025-03-03T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

export function testEvents(count: number, type = 'Happened', from = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => testEvent(type, { n: from + i }));
}
