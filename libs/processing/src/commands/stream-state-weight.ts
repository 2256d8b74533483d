import { RecordedEvent } from '@bihuan/event-store';

/** Approximate size of what an event can add to a state: its data's JSON length, plus an envelope's worth. */
export function weightOf(events: readonly RecordedEvent[]): number {
  let bytes = 0;
  for (const e of events) bytes += jsonLength(e.data) + 256;
  return bytes;
}

/**
 * About the length of `value` as JSON, walked rather than stringified: a third of the cost, and a
 * cold load weighs every event of the stream.
 */
function jsonLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 8;
  let length = 2;
  if (Array.isArray(value)) {
    for (const item of value) length += jsonLength(item) + 1;
    return length;
  }
  for (const [key, item] of Object.entries(value)) length += key.length + 4 + jsonLength(item);
  return length;
}
