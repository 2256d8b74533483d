import { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, SortKey } from '@bihuan/platform';
import { VisitKind } from '../domain';
import { InspectionTables, VisitRecord } from './inspection-read-model.schema';
import { inScope } from './scope-clause';

export interface VisitView {
  readonly visitId: string;
  readonly kind: VisitKind;
  readonly institutionId: string;
  readonly campaignId: string | null;
  readonly inspectorIds: string[];
  readonly plannedDate: string;
  readonly plannedBy: string;
  readonly conductedOn: string | null;
  readonly summary: string | null;
  /** planned | conducted | findingsRegistered | closed | cancelled */
  readonly status: string;
  readonly findingIds: string[];
  readonly closedAt: string | null;
  readonly reopenCount: number;
  readonly cancelledReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface VisitFilter {
  readonly institutionId?: string;
  readonly kind?: string;
  readonly status?: string;
  readonly campaignId?: string;
  /** Hide visits by the commission that have not taken place (hospitals must not learn of an unannounced visit ahead). */
  readonly onlyConductedOrSelf?: boolean;
  /** Planned on or after / before these dates (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
}

type VisitRow = Selectable<VisitRecord>;

function toView(r: VisitRow): VisitView {
  return {
    visitId: r.visit_id,
    kind: r.kind as VisitKind,
    institutionId: r.institution_id,
    campaignId: r.campaign_id,
    inspectorIds: JSON.parse(r.inspector_ids) as string[],
    plannedDate: r.planned_date,
    plannedBy: r.planned_by,
    conductedOn: r.conducted_on,
    summary: r.summary,
    status: r.status,
    findingIds: JSON.parse(r.finding_ids) as string[],
    closedAt: r.closed_at,
    reopenCount: Number(r.reopen_count),
    cancelledReason: r.cancelled_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The visit planned last first. Unique: one event (VisitPlanned, first of its stream) creates each row. */
const NEWEST_FIRST: readonly SortKey<VisitRow>[] = [
  { column: 'created_position', descending: true, of: (r) => Number(r.created_position) },
];

const EQUAL = [
  ['institutionId', 'institution_id'],
  ['kind', 'kind'],
  ['status', 'status'],
  ['campaignId', 'campaign_id'],
] as const;

export class VisitQueries {
  private readonly db: Kysely<InspectionTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<InspectionTables>();
  }

  async get(visitId: string): Promise<VisitView | null> {
    const r = await this.db.selectFrom('inspection_visits').selectAll().where('visit_id', '=', visitId).executeTakeFirst();
    return r ? toView(r) : null;
  }

  /**
   * Every visit filed under a campaign (专项行动) among the visible institutions, in the order
   * planned: a campaign's progress counts them all, and a campaign's visits are few enough to read at once.
   */
  async ofCampaign(campaignId: string, visible: readonly string[]): Promise<VisitView[]> {
    const rows = await this.db
      .selectFrom('inspection_visits')
      .selectAll()
      .where((eb) => eb.and([inScope(eb, visible), eb('campaign_id', '=', campaignId)]))
      .orderBy('created_position')
      .execute();
    return rows.map(toView);
  }

  /** Newest first, a page after `cursor`. */
  list(filter: VisitFilter, visible: readonly string[], cursor: string | undefined, pageSize = 20): Promise<KeysetPage<VisitView>> {
    const query = this.db
      .selectFrom('inspection_visits')
      .selectAll()
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [inScope(eb, visible)];
        for (const [key, column] of EQUAL) {
          const value = filter[key];
          if (value !== undefined) parts.push(eb(column, '=', value));
        }
        // The planned date's day (YYYY-MM-DD), whatever follows it.
        const day = eb.fn<string>('substr', ['planned_date', eb.lit(1), eb.lit(10)]);
        if (filter.from) parts.push(eb(day, '>=', filter.from));
        if (filter.to) parts.push(eb(day, '<=', filter.to));
        if (filter.onlyConductedOrSelf) parts.push(eb.or([eb('kind', '=', 'self'), eb('status', 'not in', ['planned', 'cancelled'])]));
        return eb.and(parts);
      });
    return keysetPage({ query, order: NEWEST_FIRST, cursor, pageSize, map: toView });
  }
}
