import { Expression, ExpressionBuilder, Kysely, Selectable, sql, SqlBool } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, SortKey } from '@bihuan/platform';
import { ReportKind } from '../domain/campaign-values';
import { DutyEscalationRung, OWED_STATUSES, ReportDutyStatus } from '../domain/duty/report-duty-values';
import { ReportDutyRow, ReportDutyTables } from './report-duties.schema';

/** A duty as lists, the report matrix and the campaign's counts show it. */
export interface ReportDutyListItem {
  readonly dutyId: string;
  readonly campaignId: string;
  readonly campaignTitle: string;
  readonly issuingUnitId: string;
  readonly institutionId: string;
  readonly kind: ReportKind;
  readonly phaseIndex: number;
  readonly phaseName: string;
  readonly dueOn: string;
  readonly opensOn: string;
  readonly dueAt: string;
  readonly status: ReportDutyStatus;
  readonly round: number;
  readonly escalationStep: number | null;
  readonly escalationRung: DutyEscalationRung | null;
  readonly submittedAt: string | null;
  readonly onTime: boolean | null;
  readonly submissions: number;
  readonly reviewedAt: string | null;
  readonly returnReason: string | null;
  readonly assignedAt: string;
  readonly updatedAt: string;
  /** Still owed and its due instant passed (by the clock, so a late wake-up still shows it). */
  readonly overdue: boolean;
}

export interface ReportDutyFilter {
  readonly campaignId?: string;
  readonly institutionId?: string;
  readonly kind?: ReportKind;
  readonly status?: ReportDutyStatus;
  readonly overdue?: boolean;
}

/** Whose duties a reader sees: those owed by its units (institutions, lower commissions), and (commission staff) those its units issued. */
export interface ReportDutyReaderScope {
  readonly institutions: readonly string[];
  readonly issuingUnits: readonly string[];
}

type Row = Selectable<ReportDutyRow>;
type Duties = ExpressionBuilder<ReportDutyTables, 'campaign_report_duties'>;

/** `column IN list`, false for an empty list (PostgreSQL refuses `IN ()`). */
export const among = (column: string, list: readonly string[]): Expression<SqlBool> =>
  list.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(column)} in (${sql.join([...list])})`;

/** Owed, and the due instant passed by `now` (ISO instants of one width compare as text on both engines). */
function overdueOf(eb: Duties, now: string): Expression<SqlBool> {
  return eb.and([eb('status', 'in', [...OWED_STATUSES]), eb('due_at', '<', now)]);
}

export function toDutyItem(r: Row, now: string): ReportDutyListItem {
  const status = r.status as ReportDutyStatus;
  return {
    dutyId: r.duty_id,
    campaignId: r.campaign_id,
    campaignTitle: r.campaign_title,
    issuingUnitId: r.issuing_unit_id,
    institutionId: r.institution_id,
    kind: r.kind as ReportKind,
    phaseIndex: Number(r.phase_index),
    phaseName: r.phase_name,
    dueOn: r.due_on,
    opensOn: r.opens_on,
    dueAt: r.due_at,
    status,
    round: Number(r.round),
    escalationStep: r.escalation_step === null ? null : Number(r.escalation_step),
    escalationRung: r.escalation_rung as DutyEscalationRung | null,
    submittedAt: r.submitted_at,
    onTime: r.on_time === null ? null : Number(r.on_time) === 1,
    submissions: Number(r.submissions),
    reviewedAt: r.reviewed_at,
    returnReason: r.return_reason,
    assignedAt: r.assigned_at,
    updatedAt: r.updated_at,
    overdue: OWED_STATUSES.includes(status) && r.due_at < now,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const DUE_FIRST: readonly SortKey<Row>[] = [
  { column: 'due_at', of: (r) => r.due_at },
  { column: 'duty_id', of: (r) => r.duty_id },
];

export class ReportDutyQueries {
  private readonly db: Kysely<ReportDutyTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<ReportDutyTables>();
  }

  /** The reader's duties, nearest due first, a page after `cursor`. */
  list(
    scope: ReportDutyReaderScope,
    filter: ReportDutyFilter,
    now: string,
    cursor: string | undefined,
    pageSize = 20,
  ): Promise<KeysetPage<ReportDutyListItem>> {
    const query = this.db
      .selectFrom('campaign_report_duties')
      .selectAll()
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [
          eb.or([among('institution_id', scope.institutions), among('issuing_unit_id', scope.issuingUnits)]),
        ];
        if (filter.campaignId) parts.push(eb('campaign_id', '=', filter.campaignId));
        if (filter.institutionId) parts.push(eb('institution_id', '=', filter.institutionId));
        if (filter.kind) parts.push(eb('kind', '=', filter.kind));
        if (filter.status) parts.push(eb('status', '=', filter.status));
        if (filter.overdue !== undefined) parts.push(filter.overdue ? overdueOf(eb, now) : eb.not(overdueOf(eb, now)));
        return eb.and(parts);
      });
    return keysetPage({ query, order: DUE_FIRST, cursor, pageSize, map: (r) => toDutyItem(r, now) });
  }

  /** Every duty of a campaign owed by the institutions given (the reader's), in due and institution order. */
  async ofCampaign(campaignId: string, institutionIds: readonly string[], now: string): Promise<ReportDutyListItem[]> {
    const rows = await this.db
      .selectFrom('campaign_report_duties')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where(() => among('institution_id', institutionIds))
      .execute();
    // Sorted here, as code points: the engines' collations would order punctuation in ids differently.
    return rows.map((r) => toDutyItem(r, now)).sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.institutionId, b.institutionId));
  }

  /** Every duty of a campaign (the campaign's counts filter them by reader afterwards). */
  async allOfCampaign(campaignId: string, now: string): Promise<ReportDutyListItem[]> {
    const rows = await this.db.selectFrom('campaign_report_duties').selectAll().where('campaign_id', '=', campaignId).execute();
    return rows.map((r) => toDutyItem(r, now));
  }
}
