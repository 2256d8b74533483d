import { AsOf, EventStore, RecordedEvent } from '@bihuan/event-store';
import { CaseStreamSpan } from '../case-index/case-links';

/** Reads one stream prefix forwards in chunks, each event once. */
class StreamCursor {
  private buffer: RecordedEvent[] = [];
  private at = 0;
  private next = 0;
  private size: number;

  constructor(
    private readonly store: EventStore,
    private readonly span: CaseStreamSpan,
    private readonly chunk: number,
    private readonly asOf: AsOf | undefined,
    first: number,
  ) {
    this.size = Math.max(1, Math.min(first, chunk));
  }

  async head(): Promise<RecordedEvent | null> {
    if (this.at < this.buffer.length) return this.buffer[this.at]!;
    if (this.next > this.span.lastRevision) return null;
    const maxCount = Math.min(this.size, this.span.lastRevision - this.next + 1);
    this.size = Math.min(this.chunk, this.size * 2); // small first read for a first page, then larger
    this.buffer = await this.store.readStream(this.span.stream, {
      fromRevision: this.next,
      maxCount,
      ...(this.asOf ? { asOf: this.asOf } : {}),
    });
    this.at = 0;
    if (this.buffer.length === 0) {
      this.next = this.span.lastRevision + 1; // the stream is shorter than the index says
      return null;
    }
    this.next = this.buffer[this.buffer.length - 1]!.revision + 1;
    return this.buffer[0]!;
  }

  take(): void {
    this.at += 1;
  }
}

/**
 * The events of several stream prefixes in global position order: a k-way merge over per-stream
 * cursors that read `firstChunk` events, then twice as many each time up to `chunk`, so a first
 * page costs about a page of events per stream and the whole history reads every stream exactly
 * once (O(n·k), k = streams).
 */
export async function* mergeStreams(
  store: EventStore,
  spans: readonly CaseStreamSpan[],
  options: { chunk?: number; firstChunk?: number; asOf?: AsOf } = {},
): AsyncGenerator<RecordedEvent> {
  const cursors = spans.map((s) => new StreamCursor(store, s, options.chunk ?? 500, options.asOf, options.firstChunk ?? 64));
  for (;;) {
    let best: StreamCursor | null = null;
    let bestEvent: RecordedEvent | null = null;
    for (const c of cursors) {
      const e = await c.head();
      if (e && (!bestEvent || e.position < bestEvent.position)) [best, bestEvent] = [c, e];
    }
    if (!best || !bestEvent) return;
    best.take();
    yield bestEvent;
  }
}
