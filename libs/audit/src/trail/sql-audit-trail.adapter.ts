import { Kysely } from 'kysely';
import { Actor } from '@bihuan/core';
import { limitOf, SqlDatabase } from '@bihuan/database';
import { AuditAccess, AuditAction, AuditTrail, AuditTrailQuery } from './audit-trail.port';

/** The `audit_access` table (AUDIT_MIGRATIONS). `id` is filled by the database. */
export type AuditTrailTables = {
  audit_access: {
    id?: number;
    at: string;
    reader_id: string;
    reader: string;
    stream: string;
    action: AuditAction;
    purpose: string;
    detail: string | null;
  };
};

/**
 * The access audit in the `audit_access` table of the read-model database (SQLite or PostgreSQL),
 * for deployments without privacy's AccessLog.
 */
export class SqlAuditTrail implements AuditTrail {
  private readonly db: Kysely<AuditTrailTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<AuditTrailTables>();
  }

  async record(e: AuditAccess): Promise<void> {
    await this.db
      .insertInto('audit_access')
      .values({
        at: e.at,
        reader_id: e.reader.id,
        reader: JSON.stringify(e.reader),
        stream: e.stream,
        action: e.action,
        purpose: e.purpose,
        detail: e.detail ? JSON.stringify(e.detail) : null,
      })
      .execute();
  }

  async list(q: AuditTrailQuery = {}): Promise<AuditAccess[]> {
    let query = this.db.selectFrom('audit_access').select(['at', 'reader', 'stream', 'action', 'purpose', 'detail']);
    if (q.stream) query = query.where('stream', '=', q.stream);
    if (q.readerId) query = query.where('reader_id', '=', q.readerId);
    if (q.from) query = query.where('at', '>=', q.from);
    if (q.to) query = query.where('at', '<=', q.to);
    if (q.limit !== undefined) query = query.limit(limitOf(q.limit));
    const rows = await query.orderBy('id', 'desc').execute();
    return rows.map((r) => ({
      at: r.at,
      reader: JSON.parse(r.reader) as Actor,
      stream: r.stream,
      action: r.action,
      purpose: r.purpose,
      ...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
    }));
  }
}
