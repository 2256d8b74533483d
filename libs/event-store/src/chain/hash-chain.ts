import * as crypto from 'node:crypto';
import { EventMetadata } from '@bihuan/core';
import { StoredForm } from '../event-store.port';
import { canonicalJson, canonicalJsonAsRead } from './canonical-json';

/** What the SM3 hash of an event covers: its place, content and envelope (all but `hash`). */
export interface HashableEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: Omit<EventMetadata, 'hash'> & { readonly hash?: string };
  /** An upcast event's stored data and version: hashed instead of what the reader sees. */
  readonly stored?: StoredForm;
}

/**
 * SM3 (GB/T 32905) of a string's UTF-8 bytes, lowercase hex. One-shot `crypto.hash` where Node has
 * it (20.12+): it runs for every appended event, and skips building a streaming Hash object.
 */
export const sm3Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sm3', text, 'hex')
    : (text) => crypto.createHash('sm3').update(text, 'utf8').digest('hex');

/**
 * The canonical JSON hashed for an event (docs/event-store.md), assembled from the canonical JSON
 * of its data and of its metadata without `hash`: the members in sorted order are data, metadata,
 * revision, streamName, type.
 */
export function chainBody(streamName: string, revision: number, type: string, canonicalData: string, canonicalMetadata: string): string {
  return `{"data":${canonicalData},"metadata":${canonicalMetadata},"revision":${canonicalJson(revision)},"streamName":${canonicalJson(streamName)},"type":${canonicalJson(type)}}`;
}

/**
 * SM3 of the event's canonical form (data and metadata as JSON gives them back); hex. Always of the
 * form as stored: an upcast event is hashed with its `stored` data and schemaVersion, so upcasting
 * on read never breaks verification.
 */
export function hashEvent(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const data = event.stored ? event.stored.data : event.data;
  const asStored = event.stored ? { ...metadata, schemaVersion: event.stored.schemaVersion } : metadata;
  return sm3Hex(chainBody(event.streamName, event.revision, event.type, canonicalJsonAsRead(data), canonicalJsonAsRead(asStored)));
}
