/** Test data and wiring shared by the adapter's unit specs (no server needed). */
import { randomUUID } from 'node:crypto';
import { Clock } from '@bihuan/core';
import { sealEvent } from '../../chain/seal';
import { EventToAppend } from '../../event-store.port';
import { FakeEsdbClient } from './esdb-client.fake';
import { EsdbEventStore } from './esdb-event-store.adapter';
import { toEsdbEventData } from './esdb-mapping';

export const event = (type = 'Happened', data: object = {}, eventId: string = randomUUID()): EventToAppend => ({
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
});

export const events = (n: number, type = 'Happened', from = 0): EventToAppend[] =>
  Array.from({ length: n }, (_, i) => event(type, { n: from + i }));

/** The adapter on a fresh double; specs pass their FakeClock (this file is built, @bihuan/testing is not). */
export function setupWith<C extends Clock>(clock: C): { client: FakeEsdbClient; clock: C; store: EsdbEventStore } {
  const client = new FakeEsdbClient();
  return { client, clock, store: new EsdbEventStore(client, clock) };
}

/** Another process appends a properly sealed event to the stream, just before ours lands. */
export function sneakIn(client: FakeEsdbClient, stream: string): void {
  const held = client.log.filter((e) => e.streamId === stream);
  const prevHash = held.length ? (held[held.length - 1]!.metadata as { hash: string }).hash : null;
  const sealed = sealEvent(stream, held.length, prevHash, event('Sneaky'), '2025-03-03T02:00:00.000Z');
  const data = toEsdbEventData(sealed);
  client.write(stream, data.type, data.data, data.metadata);
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}
