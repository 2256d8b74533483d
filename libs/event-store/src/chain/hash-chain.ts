import { createHash } from 'node:crypto';
import { EventMetadata } from '@bihuan/core';
import { canonicalJson } from './canonical-json';

/** What the SM3 hash of an event covers: its place, content and envelope (all but `hash`). */
export interface HashableEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: Omit<EventMetadata, 'hash'> & { readonly hash?: string };
}

/** SM3 (GB/T 32905) of the event's canonical form; hex. */
export function hashEvent(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const body = canonicalJson({
    streamName: event.streamName,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sm3').update(body, 'utf8').digest('hex');
}
