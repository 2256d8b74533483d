import { EventStore } from '@bihuan/event-store';
import { StreamAccess } from './stream-access';

const PAGE = 5000;

/** Every stream of the log that the reader may open, in order of first appearance. */
export async function readableStreams(store: EventStore, access: StreamAccess): Promise<string[]> {
  const seen = new Set<string>();
  for (let from: number | null = null; ;) {
    const events = await store.readAll({ fromPosition: from, maxCount: PAGE });
    for (const e of events) seen.add(e.streamName);
    if (events.length < PAGE) break;
    from = events[events.length - 1]!.position;
  }
  const out: string[] = [];
  for (const stream of seen) if (await access.canRead(stream)) out.push(stream);
  return out;
}
