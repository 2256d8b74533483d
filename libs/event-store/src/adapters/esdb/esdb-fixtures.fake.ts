/** Test data and wiring shared by the adapter's unit specs (no server needed). */
import { Clock } from '@bihuan/core';
import { testEvent, testEvents } from '@bihuan/testing';
import { sealEvent } from '../../chain/seal';
import { EventToAppend } from '../../event-store.port';
import { FakeEsdbClient } from './esdb-client.fake';
import { EsdbEventStore } from './esdb-event-store.adapter';
import { toEsdbEventData } from './esdb-mapping';

/** The contract suite's test events, `Happened` unless named. */
export const event = (type = 'Happened', data: object = {}, eventId?: string): EventToAppend => testEvent(type, data, eventId);
export const events = testEvents;

/** The adapter on a fresh double, on the clock the spec passes (keeping its own clock type). */
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
