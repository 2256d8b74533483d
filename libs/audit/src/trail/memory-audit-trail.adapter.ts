import { AuditAccess, AuditTrail, AuditTrailQuery, matchesQuery } from './audit-trail.port';

/** The access audit in memory (tests). */
export class MemoryAuditTrail implements AuditTrail {
  private readonly entries: AuditAccess[] = [];

  async record(entry: AuditAccess): Promise<void> {
    this.entries.push(entry);
  }

  async list(query: AuditTrailQuery = {}): Promise<AuditAccess[]> {
    const found = this.entries.filter((e) => matchesQuery(e, query)).reverse();
    return found.slice(0, query.limit ?? found.length);
  }
}
