import { EventMetadata } from '@bihuan/core';
import { EventToAppend } from '../event-store.port';
import { canonicalJsonAsRead, canonicalJsonAsReadMerged } from './canonical-json';
import { chainBody, sm3Hex } from './hash-chain';

/** A sealed envelope as text, ready to store: what `sealEvent` gives, serialized once. */
export interface SealedText {
  /** The metadata JSON: the canonical form that was hashed, with `hash` appended as its last member. */
  readonly metadata: string;
  readonly hash: string;
}

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
  const { hash } = sealAsText(streamName, revision, prevHash, event, recordedAt);
  const metadata: EventMetadata & { hash: string } = { ...event.metadata, recordedAt, prevHash, hash };
  return { type: event.type, data: event.data, metadata };
}

/**
 * The same seal (same hash) for a store that writes JSON text, without serializing the envelope
 * twice: the canonical metadata that is hashed is also what is stored, plus `hash`. A reader parses
 * it back to exactly the metadata `sealEvent` returns (member order aside, which JSON does not fix).
 */
export function sealAsText(
  streamName: string,
  revision: number,
  prevHash: string | null,
  event: EventToAppend,
  recordedAt: string,
): SealedText {
  const metadata = canonicalJsonAsReadMerged(event.metadata, { recordedAt, prevHash }, 'hash');
  const hash = sm3Hex(chainBody(streamName, revision, event.type, canonicalJsonAsRead(event.data), metadata));
  // `metadata` is an object with at least recordedAt and prevHash, so it ends in `}` after a member.
  return { metadata: `${metadata.slice(0, -1)},"hash":"${hash}"}`, hash };
}
