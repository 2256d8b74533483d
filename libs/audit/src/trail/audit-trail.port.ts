import { Actor, DomainError } from '@bihuan/core';

/** `file`: an evidence file (or its thumbnail) was downloaded; `detail.digest` names it. */
export type AuditAction = 'history' | 'dossier' | 'asOf' | 'file';

/** One read of a case: who, when, what, and why (the purpose the reader gave). */
export interface AuditAccess {
  /** ISO-8601 instant of the read (from the injected Clock). */
  readonly at: string;
  readonly reader: Actor;
  readonly stream: string;
  readonly action: AuditAction;
  readonly purpose: string;
  /** e.g. `{ asOf: { position: 42 }, page: 2 }` — what exactly was read. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditTrailQuery {
  readonly stream?: string;
  readonly readerId?: string;
  /** Inclusive ISO-8601 bounds on `at`. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/**
 * Reads of case histories and dossier exports are themselves on the record (issue 7, point 5):
 * leaders can see who looked at what, and why. This is an operational log, not part of the
 * event log: it is append-only by convention and kept beside the read models.
 * (When libs/privacy's AccessLog lands, an adapter of this port can write there instead.)
 */
export interface AuditTrail {
  record(entry: AuditAccess): Promise<void>;
  /** Newest first. */
  list(query?: AuditTrailQuery): Promise<AuditAccess[]>;
}

/** Roles allowed to read the access audit (domain.md: leaders audit, admins operate). */
export const AUDIT_TRAIL_READERS: readonly Actor['role'][] = ['leader', 'admin'];

/** The access audit as `viewer` may see it: leaders and admins only. */
export async function readAuditTrail(trail: AuditTrail, viewer: Actor, query: AuditTrailQuery = {}): Promise<AuditAccess[]> {
  if (!AUDIT_TRAIL_READERS.includes(viewer.role)) {
    throw DomainError.forbidden('AUDIT.TRAIL_FORBIDDEN', `Role ${viewer.role} may not read the access audit`);
  }
  return trail.list(query);
}

export function matchesQuery(e: AuditAccess, q: AuditTrailQuery): boolean {
  return (
    (!q.stream || e.stream === q.stream) &&
    (!q.readerId || e.reader.id === q.readerId) &&
    (!q.from || e.at >= q.from) &&
    (!q.to || e.at <= q.to)
  );
}
