import { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, SortKey } from '@bihuan/platform';
import { shanghaiDayStartMs } from '@bihuan/core';
import { InspectionTables } from './inspection-read-model.schema';
import { LedgerRecord, LedgerRow, toLedgerRow } from './ledger-row';
import { isActive, isOverdue, overdueFlag } from './overdue';
import { inScope } from './scope-clause';

export interface FindingFilter {
  readonly institutionId?: string;
  readonly visitId?: string;
  readonly campaignId?: string;
  readonly status?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly escalationRung?: string;
  readonly overdue?: boolean;
  /** true: rows still needing work (ACTIVE_STATUSES); false: signed off or withdrawn. */
  readonly active?: boolean;
  /** Opened on or after this Shanghai date (YYYY-MM-DD) … */
  readonly from?: string;
  /** … and on or before this one. */
  readonly to?: string;
  /** Signed off on or after this Shanghai date … (a trend's 已销号 month, drilled down) */
  readonly signedOffFrom?: string;
  /** … and on or before this one. */
  readonly signedOffTo?: string;
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

type Findings = ExpressionBuilder<InspectionTables, 'inspection_findings'>;

const EQUAL: readonly (readonly [
  keyof FindingFilter & string,
  'institution_id' | 'visit_id' | 'campaign_id' | 'status' | 'category' | 'severity' | 'escalation_rung',
])[] = [
  ['institutionId', 'institution_id'],
  ['visitId', 'visit_id'],
  ['campaignId', 'campaign_id'],
  ['status', 'status'],
  ['category', 'category'],
  ['severity', 'severity'],
  ['escalationRung', 'escalation_rung'],
];

/** The condition of a finding filter, always restricted to the visible institutions. */
export function findingWhere(eb: Findings, filter: FindingFilter, visible: readonly string[], now: string): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [inScope(eb, visible)];
  for (const [key, column] of EQUAL) {
    const value = filter[key];
    if (typeof value === 'string') parts.push(eb(column, '=', value));
  }
  if (filter.overdue !== undefined) parts.push(filter.overdue ? isOverdue(eb, now) : eb.not(isOverdue(eb, now)));
  if (filter.active !== undefined) parts.push(filter.active ? isActive(eb) : eb.not(isActive(eb)));
  if (filter.from) parts.push(eb('opened_at', '>=', startOfDay(filter.from)));
  if (filter.to) parts.push(eb('opened_at', '<=', endOfDay(filter.to)));
  if (filter.signedOffFrom) parts.push(eb('signed_off_at', '>=', startOfDay(filter.signedOffFrom)));
  if (filter.signedOffTo) parts.push(eb('signed_off_at', '<=', endOfDay(filter.signedOffTo)));
  return eb.and(parts);
}

/** The ledger's order (序号): as opened. Unique: one event (the first of the finding's stream) opens each row. */
const OPENED_ORDER: readonly SortKey<LedgerRecord>[] = [{ column: 'opened_position', of: (r) => Number(r.opened_position) }];

/** The orders `GET /findings?sort=` offers; `-` reverses one. */
export const LEDGER_SORTS = ['opened', '-opened', 'due', '-due'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

const opened = (descending: boolean): SortKey<LedgerRecord> => ({ ...OPENED_ORDER[0]!, descending });
/** By the current due date (rows without one sort as the latest), ties in the order opened. */
const byDue = (descending: boolean): readonly SortKey<LedgerRecord>[] => [
  { column: 'due_order', descending, of: (r) => r.due_order },
  opened(descending),
];

const ORDERS: Readonly<Record<LedgerSort, readonly SortKey<LedgerRecord>[]>> = {
  opened: OPENED_ORDER,
  '-opened': [opened(true)],
  due: byDue(false),
  '-due': byDue(true),
};

/** Queries over the ledger read model; `now` is the clock's instant, for the overdue flag. */
export class LedgerQueries {
  private readonly db: Kysely<InspectionTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<InspectionTables>();
  }

  /** Every column and the overdue flag of the rows `where` selects. */
  private rows(now: string, where: (eb: Findings) => Expression<SqlBool>) {
    return this.db
      .selectFrom('inspection_findings')
      .selectAll()
      .select((eb) => overdueFlag(eb, now).as('overdue'))
      .where(where);
  }

  async row(findingId: string, now: string): Promise<LedgerRow | null> {
    const r = await this.rows(now, (eb) => eb('finding_id', '=', findingId)).executeTakeFirst();
    return r ? toLedgerRow(r, 1) : null;
  }

  /**
   * In the `sort` order (default: as opened), a page after `cursor`; `seq` keeps counting across
   * pages, so it is the row's place in that order (序号 only in the order opened).
   */
  list(
    filter: FindingFilter,
    visible: readonly string[],
    now: string,
    cursor: string | undefined,
    pageSize = 20,
    sort: LedgerSort = 'opened',
  ): Promise<KeysetPage<LedgerRow>> {
    return keysetPage({
      query: this.rows(now, (eb) => findingWhere(eb, filter, visible, now)),
      order: ORDERS[sort],
      // The default stays unnamed so cursors answered before sorting existed keep working.
      ...(sort === 'opened' ? {} : { orderName: sort }),
      cursor,
      pageSize,
      map: toLedgerRow,
    });
  }

  /** Every row of an institution's, a visit's or a campaign's ledger, numbered 1…n (序号) in the order opened. */
  async ledger(
    filter: Pick<FindingFilter, 'institutionId' | 'visitId' | 'campaignId'>,
    visible: readonly string[],
    now: string,
  ): Promise<Ledger> {
    const records = await this.rows(now, (eb) => findingWhere(eb, filter, visible, now))
      .orderBy('opened_position')
      .execute();
    const rows = records.map((r, i) => toLedgerRow(r, i + 1));
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
