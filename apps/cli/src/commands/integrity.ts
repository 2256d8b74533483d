import { ChainVerifier, EventStore, RecordedEvent, StreamHeadSource, VerifyResult } from '@bihuan/event-store';

type Heads = Awaited<ReturnType<StreamHeadSource['streamHeads']>>;

/** Stores that keep a head table (sqlite) can reveal a deleted tail; others give null. */
async function streamHeadsOf(store: EventStore): Promise<Heads | null> {
  const candidate = store as EventStore & Partial<StreamHeadSource>;
  return typeof candidate.streamHeads === 'function' ? await candidate.streamHeads() : null;
}

async function feed(verifier: ChainVerifier, pages: AsyncIterable<RecordedEvent[]>): Promise<void> {
  for await (const page of pages) for (const event of page) if (verifier.check(event)) return;
}

async function* streamPages(store: EventStore, stream: string, pageSize: number): AsyncIterable<RecordedEvent[]> {
  for (let from = 0; ; ) {
    const page = await store.readStream(stream, { fromRevision: from, maxCount: pageSize });
    yield page;
    if (page.length < pageSize) return;
    from = page[page.length - 1]!.revision + 1;
  }
}

async function* allPages(store: EventStore, pageSize: number): AsyncIterable<RecordedEvent[]> {
  for (let position: number | null = null; ; ) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize });
    yield page;
    if (page.length < pageSize) return;
    position = page[page.length - 1]!.position;
  }
}

export interface IntegrityResult extends VerifyResult {
  /** Whether the store's head table was compared with the chain (sqlite only). */
  readonly headsChecked: boolean;
}

/**
 * verifyStore plus the head check (like event-store's verifyLogAndHeads, but also for one stream
 * and for stores without heads): walks the log (or one stream) through the SM3 chain and then,
 * where the store keeps stream heads, compares them with the verified chain, so a deleted tail
 * — which leaves a perfectly valid shorter chain — is reported too.
 */
export async function verifyIntegrity(store: EventStore, options: { stream?: string; pageSize?: number } = {}): Promise<IntegrityResult> {
  const verifier = new ChainVerifier();
  const pageSize = options.pageSize ?? 1000;
  await feed(verifier, options.stream ? streamPages(store, options.stream, pageSize) : allPages(store, pageSize));
  const heads = await streamHeadsOf(store);
  if (heads && verifier.result().ok) {
    const wanted = options.stream ? new Map([...heads].filter(([name]) => name === options.stream)) : heads;
    verifier.checkHeads(wanted);
  }
  return { ...verifier.result(), headsChecked: heads !== null };
}
