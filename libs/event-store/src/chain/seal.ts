import { EventMetadata } from '@bihuan/core';
import { EventToAppend } from '../event-store.port';
import { hashEvent } from './hash-chain';

/**
 * Completes an event's envelope for the log: recordedAt, the previous event's hash and its own.
 * Every adapter seals through here so the chain is identical whichever store holds it.
 */
export function sealEvent(
  streamName: string,
  revision: number,
  prevHash: string | null,
  event: EventToAppend,
  recordedAt: string,
): { readonly type: string; readonly data: object; readonly metadata: EventMetadata } {
  const unsealed = { ...event.metadata, recordedAt, prevHash };
  const hash = hashEvent({ streamName, revision, type: event.type, data: event.data, metadata: unsealed });
  return { type: event.type, data: event.data, metadata: { ...unsealed, hash } };
}
