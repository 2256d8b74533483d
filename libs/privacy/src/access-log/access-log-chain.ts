import { createHash } from 'node:crypto';
import { canonicalJson } from '@bihuan/event-store';
import { AccessLogEntry, AccessLogVerification, AccessRecord } from './access-log.port';

/** SM3 (hex) over the canonical JSON of the entry without its `hash`: every field is covered. */
export function hashAccessEntry(entry: Omit<AccessLogEntry, 'hash'> & { readonly hash?: string }): string {
  const body = canonicalJson({
    seq: entry.seq,
    prevHash: entry.prevHash,
    at: entry.at,
    reader: { id: entry.reader.id, role: entry.reader.role, unit: entry.reader.unit },
    action: entry.action,
    subjectId: entry.subjectId,
    caseStream: entry.caseStream,
    purpose: entry.purpose,
    outcome: entry.outcome,
  });
  return createHash('sm3').update(body, 'utf8').digest('hex');
}

/** The next entry after `head` (null for an empty log). */
export function chainEntry(record: AccessRecord, head: { seq: number; hash: string } | null): AccessLogEntry {
  const unhashed = {
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? null,
    at: record.at,
    reader: { id: record.reader.id, role: record.reader.role, unit: record.reader.unit },
    action: record.action,
    subjectId: record.subjectId,
    caseStream: record.caseStream,
    purpose: record.purpose,
    outcome: record.outcome,
  };
  return { ...unhashed, hash: hashAccessEntry(unhashed) };
}

/**
 * Walks the entries in seq order, one at a time (so a SQL adapter can page through a long log):
 * each must be numbered 1, 2, 3 …, link to its predecessor and hash to its stored hash; the last
 * must match the stored head (which catches a deleted tail).
 */
export class AccessChainWalk {
  private count = 0;
  private prev: AccessLogEntry | null = null;

  /** The break this entry makes, or null while the chain holds. */
  next(entry: AccessLogEntry): AccessLogVerification | null {
    this.count += 1;
    const fail = (reason: string): AccessLogVerification => ({ ok: false, count: this.count, brokenAt: entry.seq, reason });
    if (entry.seq !== this.count) return fail(`expected seq ${this.count}, found ${entry.seq} (a row was removed or inserted)`);
    if (entry.prevHash !== (this.prev?.hash ?? null)) return fail('prevHash does not match the previous entry');
    if (hashAccessEntry(entry) !== entry.hash) return fail('hash does not match the content (the row was edited)');
    this.prev = entry;
    return null;
  }

  /** The verdict once every entry has been walked. */
  end(head: { seq: number; hash: string } | null): AccessLogVerification {
    const { count, prev } = this;
    const lastSeq = prev?.seq ?? 0;
    const lastHash = prev?.hash ?? null;
    if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? null) !== lastHash) {
      return {
        ok: false,
        count,
        brokenAt: lastSeq + 1,
        reason: `head says seq ${head?.seq ?? 0}, the log ends at ${lastSeq} (the tail was cut or the head edited)`,
      };
    }
    return { ok: true, count, lastSeq, lastHash };
  }
}

/** `AccessChainWalk` over entries in memory. */
export function verifyAccessChain(entries: Iterable<AccessLogEntry>, head: { seq: number; hash: string } | null): AccessLogVerification {
  const walk = new AccessChainWalk();
  for (const entry of entries) {
    const broken = walk.next(entry);
    if (broken) return broken;
  }
  return walk.end(head);
}
