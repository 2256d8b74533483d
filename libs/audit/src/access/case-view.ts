import { LinkedCase } from '../case-index/case-links';
import { HistoryView } from '../history/case-history.types';
import { StreamAccess } from './stream-access';

/** The case around a root without the linked streams the reader may not open, and how many were left out. */
export async function readableCase(access: StreamAccess, linked: LinkedCase): Promise<{ linked: LinkedCase; withheld: number }> {
  const streams = [];
  for (const span of linked.streams) if (await access.canRead(span.stream)) streams.push(span);
  return { linked: { ...linked, streams }, withheld: linked.streams.length - streams.length };
}

/** The history view of one reader: events, deadlines and causes as the declarations let them see them. */
export function historyView(access: StreamAccess): HistoryView {
  return {
    event: async (event) => {
      const shown = await access.view(event.streamName, event);
      if (!shown) return null;
      if (shown.data === event.data) return event;
      // Trimmed for this reader: the stored form (the untrimmed data) must not travel with it.
      const { stored: _untrimmed, ...rest } = event;
      return { ...rest, data: shown.data };
    },
    deadline: (stream, deadlineId) => access.showsDeadline(stream, deadlineId),
    cause: (stream) => access.canRead(stream),
  };
}
