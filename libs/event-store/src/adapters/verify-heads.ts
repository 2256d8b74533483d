import { EventStore } from '../event-store.port';
import { ChainBreak, ChainVerifier, checkWholeLog, VerifyResult } from '../chain/verify';

/** A store that can say what the head of every stream is (sqlite and memory: read from the log itself). */
export interface StreamHeadSource {
  streamHeads(): ReadonlyMap<string, { revision: number; hash: string }> | Promise<ReadonlyMap<string, { revision: number; hash: string }>>;
}

/**
 * A store whose global positions are gapless (sqlite), so it can tell whether any event was
 * deleted — including the newest event of a stream, which leaves a valid shorter chain behind.
 */
export interface LogContinuitySource {
  checkContinuity(): ChainBreak | null | Promise<ChainBreak | null>;
}

/** The store's continuity check where it has one (sqlite); null (nothing found) elsewhere. */
export async function checkLogContinuity(store: EventStore): Promise<ChainBreak | null> {
  const candidate = store as EventStore & Partial<LogContinuitySource>;
  return typeof candidate.checkContinuity === 'function' ? await candidate.checkContinuity() : null;
}

/** Whether `checkLogContinuity` can detect a deleted event on this store. */
export function hasContinuityCheck(store: EventStore): boolean {
  return typeof (store as Partial<LogContinuitySource>).checkContinuity === 'function';
}

/**
 * Verifies the whole log like `verifyStore`, then (if the chain is intact) compares each stream's
 * verified head with the store's heads and runs the store's continuity check. The chain alone
 * cannot notice that a stream's newest events were deleted (what is left is still a valid chain);
 * on sqlite the position gap they leave can. Only the whole log shows that gap: verifying one
 * stream cannot detect its own deleted tail.
 */
export async function verifyLogAndHeads(store: EventStore & StreamHeadSource, pageSize = 1000): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  if (await checkWholeLog(store, verifier, pageSize)) return verifier.result();
  if (verifier.checkHeads(await store.streamHeads())) return verifier.result();
  const gap = await checkLogContinuity(store);
  return gap ? { ...verifier.result(), ok: false, firstBreak: gap } : verifier.result();
}
