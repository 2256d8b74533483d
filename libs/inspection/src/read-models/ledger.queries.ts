import type Database from 'better-sqlite3';
import { scopeClause } from './scope-clause';
import { KeysetPage, legacyKeysetPage, preparedOn, SortKey } from '@bihuan/platform';
import { shanghaiDayStartMs } from '@bihuan/core';
import { ensureInspectionSchema, OVERDUE_SQL } from './inspection-read-model.schema';
import { LedgerRow, RawRow, toLedgerRow } from './ledger-row';

export interface FindingFilter {
  readonly institutionId?: string;
  readonly visitId?: string;
  readonly campaignId?: string;
  readonly status?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly escalationRung?: string;
  readonly overdue?: boolean;
  /** Opened on or after this Shanghai date (YYYY-MM-DD) … */
  readonly from?: string;
  /** … and on or before this one. */
  readonly to?: string;
}

export interface LedgerSummary {
  /** Rows that count (withdrawn rows are listed but not counted). */
  readonly total: number;
  readonly signedOff: number;
  readonly open: number;
  readonly overdue: number;
  readonly withdrawn: number;
  /** Every counted row signed off (and at least one row, or a visit closed by its workflow). */
  readonly closed: boolean;
}

export interface Ledger {
  readonly rows: LedgerRow[];
  readonly summary: LedgerSummary;
}

const startOfDay = (date: string): string => new Date(shanghaiDayStartMs(date)).toISOString();
const endOfDay = (date: string): string => new Date(shanghaiDayStartMs(date) + 86_400_000 - 1).toISOString();

/** WHERE clause and parameters of a finding filter, always restricted to the visible institutions. */
export function findingWhere(
  filter: FindingFilter,
  visible: readonly string[],
  now: string,
): { sql: string; params: Record<string, unknown> } {
  const scope = scopeClause(visible);
  const parts = [scope.sql];
  const params: Record<string, unknown> = { ...scope.params, now };
  const eq: [keyof FindingFilter, string][] = [
    ['institutionId', 'institution_id'],
    ['visitId', 'visit_id'],
    ['campaignId', 'campaign_id'],
    ['status', 'status'],
    ['category', 'category'],
    ['severity', 'severity'],
    ['escalationRung', 'escalation_rung'],
  ];
  for (const [key, column] of eq) {
    if (filter[key] === undefined) continue;
    parts.push(`${column} = @${key}`);
    params[key] = filter[key];
  }
  if (filter.overdue !== undefined) parts.push(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  if (filter.from) {
    parts.push('opened_at >= @from');
    params['from'] = startOfDay(filter.from);
  }
  if (filter.to) {
    parts.push('opened_at <= @to');
    params['to'] = endOfDay(filter.to);
  }
  return { sql: parts.join(' AND '), params };
}

/** The ledger's order (序号): as opened. Unique: one event (the first of the finding's stream) opens each row. */
const OPENED_ORDER: readonly SortKey<RawRow>[] = [{ column: 'opened_position', of: (r) => Number(r['opened_position']) }];

/** Queries over the ledger read model; `now` is the clock's instant, for the overdue flag. */
export class LedgerQueries {
  constructor(private readonly db: Database.Database) {
    ensureInspectionSchema(db);
  }

  row(findingId: string, now: string): LedgerRow | null {
    const r = preparedOn(this.db, `SELECT *, ${OVERDUE_SQL} AS overdue FROM inspection_findings WHERE finding_id = @id`).get({
      id: findingId,
      now,
    }) as RawRow | undefined;
    return r ? toLedgerRow(r, 1) : null;
  }

  /** In the order opened, a page after `cursor`; `seq` (序号) keeps counting across pages. */
  list(filter: FindingFilter, visible: readonly string[], now: string, cursor: string | undefined, pageSize = 20): KeysetPage<LedgerRow> {
    const { sql, params } = findingWhere(filter, visible, now);
    return legacyKeysetPage(this.db, {
      select: `SELECT *, ${OVERDUE_SQL} AS overdue FROM inspection_findings`,
      where: sql,
      params,
      order: OPENED_ORDER,
      cursor,
      pageSize,
      map: toLedgerRow,
    });
  }

  /** Every row of an institution's or a visit's ledger, numbered 1…n (序号) in the order opened. */
  ledger(filter: Pick<FindingFilter, 'institutionId' | 'visitId'>, visible: readonly string[], now: string): Ledger {
    const { sql, params } = findingWhere(filter, visible, now);
    const rows = (
      this.db
        .prepare(`SELECT *, ${OVERDUE_SQL} AS overdue FROM inspection_findings WHERE ${sql} ORDER BY opened_position`)
        .all(params) as RawRow[]
    ).map((r, i) => toLedgerRow(r, i + 1));
    const counted = rows.filter((r) => r.status !== 'withdrawn');
    const signedOff = counted.filter((r) => r.signedOff).length;
    return {
      rows,
      summary: {
        total: counted.length,
        signedOff,
        open: counted.length - signedOff,
        overdue: counted.filter((r) => r.overdue).length,
        withdrawn: rows.length - counted.length,
        closed: rows.length > 0 && signedOff === counted.length,
      },
    };
  }
}
