import { Actor } from '@bihuan/core';
import { ACCESS_ACTION_LABELS, type AccessLog, type AccessLogEntry } from '@bihuan/privacy';
import { AuditTrail } from '../trail/audit-trail.port';

/** The actions of the access log: privacy's, and `asOf` (a case's or ledger's state at a past instant). Catalogue `accessLogActions`. */
export const ACCESS_LOG_ACTION_LABELS: Readonly<Record<string, string>> = { ...ACCESS_ACTION_LABELS, asOf: '查询历史状态' };

/** One line of GET /audit/access-log: a read of personal data, a case read or a dossier export. */
export interface AccessLogRow {
  readonly at: string;
  readonly reader: Actor;
  /** `view` (case history or identity shown), `reveal`, `export` (dossier, file download), `erase`, or `asOf` (state read). */
  readonly action: string;
  readonly subjectId: string | null;
  readonly caseStream: string | null;
  readonly purpose: string;
  readonly outcome: string;
  /** Place in the privacy AccessLog's SM3 chain (null when the trail is the audit table). */
  readonly seq: number | null;
}

export interface AccessLogFilter {
  readonly readerId?: string;
  readonly subjectId?: string;
  readonly caseStream?: string;
  readonly action?: string;
  /** Inclusive ISO bound. */
  readonly from?: string;
  /** Exclusive ISO bound. */
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

const PAGE = 1000;

function fromAccessLog(e: AccessLogEntry): AccessLogRow {
  return {
    at: e.at,
    reader: e.reader,
    action: e.action,
    subjectId: e.subjectId,
    caseStream: e.caseStream,
    purpose: e.purpose,
    outcome: e.outcome,
    seq: e.seq,
  };
}

/**
 * The access record as leaders and admins see it, newest first: privacy's hash-chained AccessLog
 * when it is wired (it then holds identity views, reveals, erasures and — through
 * AccessLogAuditTrail — every case read and dossier export), else the audit trail table.
 * `caseStream` is filtered here (the AccessLog has no index on it), so the log is read in pages;
 * `keep` narrows the rows to what the reader may see (a leader: the cases of their jurisdiction).
 */
export async function listAccess(
  source: { log?: AccessLog; trail: AuditTrail },
  f: AccessLogFilter,
  keep?: (row: AccessLogRow) => Promise<boolean>,
): Promise<{ total: number; rows: AccessLogRow[] }> {
  let rows: AccessLogRow[];
  if (source.log) {
    rows = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await source.log.list({
        ...(f.readerId ? { readerId: f.readerId } : {}),
        ...(f.subjectId ? { subjectId: f.subjectId } : {}),
        ...(f.action ? { action: f.action as AccessLogEntry['action'] } : {}),
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        limit: PAGE,
        offset,
      });
      rows.push(...page.filter((e) => !f.caseStream || e.caseStream === f.caseStream).map(fromAccessLog));
      if (page.length < PAGE) break;
    }
    rows.reverse();
  } else {
    if (f.subjectId) return { total: 0, rows: [] };
    const found = await source.trail.list({
      ...(f.caseStream ? { stream: f.caseStream } : {}),
      ...(f.readerId ? { readerId: f.readerId } : {}),
      ...(f.from ? { from: f.from } : {}),
    });
    rows = found
      .filter((e) => !f.to || e.at < f.to)
      .map((e) => ({
        at: e.at,
        reader: e.reader,
        action: e.action === 'dossier' || e.action === 'file' ? 'export' : e.action === 'history' ? 'view' : e.action,
        subjectId: null,
        caseStream: e.stream,
        purpose: e.purpose,
        outcome: 'granted',
        seq: null,
      }))
      .filter((r) => !f.action || r.action === f.action);
  }
  if (keep) {
    const kept: AccessLogRow[] = [];
    for (const row of rows) if (await keep(row)) kept.push(row);
    rows = kept;
  }
  return { total: rows.length, rows: rows.slice(f.offset, f.offset + f.limit) };
}
