import { ExpressionBuilder, Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { InspectionTables } from './inspection-read-model.schema';
import { FindingFilter, findingWhere } from './ledger.queries';
import { isActive, isOverdue, oneIf } from './overdue';
import { MonthCountRow, monthlyTrend } from './ledger-trend';

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

/** One cell of the institution × category table: `key` is the institution, `category` the category. */
export interface CrossCountRow extends CountRow {
  readonly category: string;
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
  /** Institution × category, the cells that have rows (the 通报's cross table; drills to `/findings?institutionId&category`). */
  readonly byInstitutionCategory: CrossCountRow[];
  /** Opened and signed off per Beijing month within the period (ledger-trend.ts). */
  readonly byMonth: MonthCountRow[];
}

type Findings = ExpressionBuilder<InspectionTables, 'inspection_findings'>;
type GroupColumn = 'institution_id' | 'status' | 'category' | 'severity' | 'escalation_rung';

/** The measures of a group of rows; a sum over no rows is NULL, read as 0. */
function measures(eb: Findings, now: string) {
  return [
    eb.fn.countAll<number>().as('total'),
    eb.fn.sum<number | null>(oneIf(eb, isActive(eb))).as('open'),
    eb.fn.sum<number | null>(oneIf(eb, eb('status', '=', 'signedOff'))).as('signedOff'),
    eb.fn.sum<number | null>(oneIf(eb, eb('status', '=', 'withdrawn'))).as('withdrawn'),
    eb.fn.sum<number | null>(oneIf(eb, isOverdue(eb, now))).as('overdue'),
  ] as const;
}

interface Measured {
  readonly total: number;
  readonly open: number | null;
  readonly signedOff: number | null;
  readonly withdrawn: number | null;
  readonly overdue: number | null;
}

function toCount(key: string | null, r: Measured | undefined): CountRow {
  return {
    key: key ?? 'none',
    total: Number(r?.total ?? 0),
    open: Number(r?.open ?? 0),
    signedOff: Number(r?.signedOff ?? 0),
    withdrawn: Number(r?.withdrawn ?? 0),
    overdue: Number(r?.overdue ?? 0),
  };
}

/**
 * Groups in key order, compared as JavaScript compares strings (code points, as SQLite's BINARY
 * collation does): PostgreSQL would sort by its database's collation, which may differ
 * (`signOffRequested` before or after `signedOff`), and both engines must answer alike.
 */
const byKey = (a: CountRow, b: CountRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export class CountsQueries {
  private readonly db: Kysely<InspectionTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<InspectionTables>();
  }

  async counts(filter: FindingFilter, visible: readonly string[], now: string): Promise<LedgerCounts> {
    const filtered = this.db.selectFrom('inspection_findings').where((eb) => findingWhere(eb, filter, visible, now));
    const by = async (column: GroupColumn): Promise<CountRow[]> =>
      (
        await filtered
          .select((eb) => [eb.ref(column).as('key'), ...measures(eb, now)])
          .groupBy(column)
          .execute()
      )
        .map((r) => toCount(r.key, r))
        .sort(byKey);
    const [all, byInstitution, byStatus, byCategory, bySeverity, byRung, byInstitutionCategory, byMonth] = await Promise.all([
      filtered
        .select((eb) => measures(eb, now))
        .executeTakeFirst()
        .then((r) => toCount('all', r)),
      by('institution_id'),
      by('status'),
      by('category'),
      by('severity'),
      by('escalation_rung'),
      this.crossCounts(filter, visible, now),
      this.trend(filter, visible, now),
    ]);
    return {
      total: all.total,
      open: all.open,
      signedOff: all.signedOff,
      withdrawn: all.withdrawn,
      overdue: all.overdue,
      byInstitution,
      byStatus,
      byCategory,
      bySeverity,
      byEscalationRung: byRung.filter((r) => r.key !== 'none'),
      byInstitutionCategory,
      byMonth,
    };
  }

  private async crossCounts(filter: FindingFilter, visible: readonly string[], now: string): Promise<CrossCountRow[]> {
    const rows = await this.db
      .selectFrom('inspection_findings')
      .where((eb) => findingWhere(eb, filter, visible, now))
      .select((eb) => [eb.ref('institution_id').as('key'), eb.ref('category').as('category'), ...measures(eb, now)])
      .groupBy(['institution_id', 'category'])
      .execute();
    return rows
      .map((r) => ({ ...toCount(r.key, r), category: r.category }))
      .sort((a, b) => byKey(a, b) || (a.category < b.category ? -1 : 1));
  }

  /** The trend reads every row of the filter but its period, since a row counts in the month of each of its dates. */
  private async trend(filter: FindingFilter, visible: readonly string[], now: string): Promise<MonthCountRow[]> {
    const { from, to, ...rest } = filter;
    const rows = await this.db
      .selectFrom('inspection_findings')
      .where((eb) => findingWhere(eb, rest, visible, now))
      .select(['opened_at', 'signed_off_at'])
      .execute();
    return monthlyTrend(rows, { from, to });
  }
}
