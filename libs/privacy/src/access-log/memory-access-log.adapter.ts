import { chainEntry, verifyAccessChain } from './access-log-chain';
import { AccessLog, AccessLogEntry, AccessLogQuery, AccessLogVerification, AccessRecord } from './access-log.port';
import { matchesQuery, queryLimit } from './access-log-query';
import { assertAccessRecord } from './access-record.validation';

/** In-process AccessLog for unit tests and the demo. */
export class MemoryAccessLog implements AccessLog {
  private readonly entries: AccessLogEntry[] = [];

  async record(record: AccessRecord): Promise<AccessLogEntry> {
    assertAccessRecord(record);
    const last = this.entries[this.entries.length - 1];
    const entry = chainEntry(record, last ? { seq: last.seq, hash: last.hash } : null);
    this.entries.push(entry);
    return entry;
  }

  async list(query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    const { limit, offset } = queryLimit(query);
    return this.entries.filter((e) => matchesQuery(e, query)).slice(offset, offset + limit);
  }

  async verify(): Promise<AccessLogVerification> {
    const last = this.entries[this.entries.length - 1];
    return verifyAccessChain(this.entries, last ? { seq: last.seq, hash: last.hash } : null);
  }

  async close(): Promise<void> {
    // nothing to release
  }
}
