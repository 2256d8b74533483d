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
 * SM3 (GB/T 32905), lowercase hex, of a string's UTF-8 bytes or of raw bytes (a printed notice's
 * DOCX). One-shot `crypto.hash` where Node has it (20.12+): it runs for every appended event, and
 * skips building a streaming Hash object.
 */
export const sm3Hex: (data: string | Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sm3', data, 'hex')
    : (data) => crypto.createHash('sm3').update(data).digest('hex');

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
