import Database from 'better-sqlite3';
import { Actor } from '@bihuan/core';
import { AuditAccess, AuditAction, AuditTrail, AuditTrailQuery } from './audit-trail.port';

interface Row {
  at: string;
  reader: string;
  stream: string;
  action: AuditAction;
  purpose: string;
  detail: string | null;
}

/** The access audit in an `audit_access` table of a Database the caller holds. */
export class SqliteAuditTrail implements AuditTrail {
  private readonly insert: Database.Statement<unknown[]>;
  private readonly select: Database.Statement<unknown[], Row>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS audit_access (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      at        TEXT NOT NULL,
      reader_id TEXT NOT NULL,
      reader    TEXT NOT NULL,
      stream    TEXT NOT NULL,
      action    TEXT NOT NULL,
      purpose   TEXT NOT NULL,
      detail    TEXT
    );
    CREATE INDEX IF NOT EXISTS audit_access_stream ON audit_access (stream, at);
    CREATE INDEX IF NOT EXISTS audit_access_reader ON audit_access (reader_id, at);`);
    this.insert = db.prepare(
      'INSERT INTO audit_access (at, reader_id, reader, stream, action, purpose, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare(
      `SELECT at, reader, stream, action, purpose, detail FROM audit_access
       WHERE (@stream IS NULL OR stream = @stream) AND (@reader IS NULL OR reader_id = @reader)
         AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
       ORDER BY id DESC LIMIT @limit`,
    );
  }

  async record(e: AuditAccess): Promise<void> {
    this.insert.run(e.at, e.reader.id, JSON.stringify(e.reader), e.stream, e.action, e.purpose, e.detail ? JSON.stringify(e.detail) : null);
  }

  async list(q: AuditTrailQuery = {}): Promise<AuditAccess[]> {
    const rows = this.select.all({
      stream: q.stream ?? null,
      reader: q.readerId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      limit: q.limit ?? -1,
    });
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
