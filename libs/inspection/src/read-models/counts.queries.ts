import type Database from 'better-sqlite3';
import { ensureInspectionSchema } from './inspection-read-model.schema';
import { FindingFilter, findingWhere } from './ledger.queries';

export interface CountRow {
  readonly key: string;
  readonly total: number;
  readonly open: number;
  readonly signedOff: number;
  readonly withdrawn: number;
  readonly overdue: number;
  /** For institutions: the unit's name (filled in by the query handler). */
  readonly name?: string;
}

/** Counts for leaders (统计): totals and breakdowns within the caller's jurisdiction. */
export interface LedgerCounts {
  readonly total: number;
  readonly open: number;
  readonly signedOff: number;
  readonly withdrawn: number;
  readonly overdue: number;
  readonly byInstitution: CountRow[];
  readonly byStatus: CountRow[];
  readonly byCategory: CountRow[];
  readonly bySeverity: CountRow[];
  readonly byEscalationRung: CountRow[];
}

const ACTIVE = `status IN ('open','noticeIssued','inProgress','signOffRequested')`;
const OVERDUE = `(${ACTIVE} AND current_due_at IS NOT NULL AND (escalation_step IS NOT NULL OR current_due_at < @now))`;
const MEASURES = `COUNT(*) AS total, SUM(${ACTIVE}) AS open, SUM(status = 'signedOff') AS signedOff,
  SUM(status = 'withdrawn') AS withdrawn, SUM(${OVERDUE}) AS overdue`;

function toCount(r: Record<string, unknown>): CountRow {
  return {
    key: String(r['key'] ?? 'none'),
    total: Number(r['total'] ?? 0),
    open: Number(r['open'] ?? 0),
    signedOff: Number(r['signedOff'] ?? 0),
    withdrawn: Number(r['withdrawn'] ?? 0),
    overdue: Number(r['overdue'] ?? 0),
  };
}

export class CountsQueries {
  constructor(private readonly db: Database.Database) {
    ensureInspectionSchema(db);
  }

  counts(filter: FindingFilter, visible: readonly string[], now: string): LedgerCounts {
    const { sql, params } = findingWhere(filter, visible, now);
    const by = (column: string): CountRow[] =>
      (
        this.db
          .prepare(`SELECT ${column} AS key, ${MEASURES} FROM inspection_findings WHERE ${sql} GROUP BY ${column} ORDER BY ${column}`)
          .all(params) as Record<string, unknown>[]
      ).map(toCount);
    const all = toCount(
      this.db.prepare(`SELECT 'all' AS key, ${MEASURES} FROM inspection_findings WHERE ${sql}`).get(params) as Record<string, unknown>,
    );
    return {
      total: all.total,
      open: all.open,
      signedOff: all.signedOff,
      withdrawn: all.withdrawn,
      overdue: all.overdue,
      byInstitution: by('institution_id'),
      byStatus: by('status'),
      byCategory: by('category'),
      bySeverity: by('severity'),
      byEscalationRung: by('escalation_rung').filter((r) => r.key !== 'none'),
    };
  }
}
