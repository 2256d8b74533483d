import type { AccessLog, AccessLogEntry } from '@bihuan/privacy';
import { AuditAccess, AuditTrail, AuditTrailQuery } from './audit-trail.port';

const PAGE = 1000;

/**
 * The access audit written into libs/privacy's hash-chained AccessLog, so a deployment keeps ONE
 * record of reads: a history or as-of read is a `view` of the case, a dossier an `export`
 * and a file download an `export` too (the bytes left the system; its purpose names the digest)
 * (subjectId null, caseStream = the root stream, outcome `granted`). The mapping back is lossy:
 * `history` and `asOf` both come back as `history`, and `detail` is not kept.
 */
export class AccessLogAuditTrail implements AuditTrail {
  constructor(private readonly log: AccessLog) {}

  async record(e: AuditAccess): Promise<void> {
    await this.log.record({
      at: e.at,
      reader: e.reader,
      action: e.action === 'dossier' || e.action === 'file' ? 'export' : 'view',
      subjectId: null,
      caseStream: e.stream,
      purpose: e.purpose || `audit ${e.action}`,
      outcome: 'granted',
    });
  }

  async list(q: AuditTrailQuery = {}): Promise<AuditAccess[]> {
    const found: AccessLogEntry[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.log.list({
        ...(q.readerId ? { readerId: q.readerId } : {}),
        ...(q.from ? { from: q.from } : {}),
        limit: PAGE,
        offset,
      });
      found.push(...page.filter((e) => e.subjectId === null && e.caseStream !== null && (e.action === 'view' || e.action === 'export')));
      if (page.length < PAGE) break;
    }
    const out = found
      .filter((e) => (!q.stream || e.caseStream === q.stream) && (!q.to || e.at <= q.to))
      .reverse()
      .map((e): AuditAccess => ({
        at: e.at,
        reader: e.reader,
        stream: e.caseStream!,
        action: e.action === 'export' ? 'dossier' : 'history',
        purpose: e.purpose,
      }));
    return out.slice(0, q.limit ?? out.length);
  }
}
