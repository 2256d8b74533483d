import { EventStore } from '../event-store.port';
import { ChainVerifier, VerifyResult } from '../chain/verify';

/** A store that can say what the head of every stream should be (sqlite: its `streams` table). */
export interface StreamHeadSource {
  streamHeads(): ReadonlyMap<string, { revision: number; hash: string }> | Promise<ReadonlyMap<string, { revision: number; hash: string }>>;
}

/**
 * Verifies the whole log like `verifyStore`, then compares each stream's verified head with the
 * head the store recorded. The chain alone cannot notice that its newest events were deleted
 * (what is left is still a valid chain); the head table can.
 */
export async function verifyLogAndHeads(store: EventStore & StreamHeadSource, pageSize = 1000): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let position: number | null = null;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize });
    for (const event of page) if (verifier.check(event)) return verifier.result();
    if (page.length < pageSize) break;
    position = page[page.length - 1]!.position;
  }
  verifier.checkHeads(await store.streamHeads());
  return verifier.result();
}
