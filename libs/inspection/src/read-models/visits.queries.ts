import type Database from 'better-sqlite3';
import { scopeClause } from './scope-clause';
import { KeysetPage, legacyKeysetPage, preparedOn, SortKey } from '@bihuan/platform';
import { VisitKind } from '../domain';
import { ensureInspectionSchema } from './inspection-read-model.schema';

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

function toView(r: Record<string, unknown>): VisitView {
  const s = (k: string): string | null => (typeof r[k] === 'string' ? (r[k] as string) : null);
  return {
    visitId: String(r['visit_id']),
    kind: r['kind'] as VisitKind,
    institutionId: String(r['institution_id']),
    campaignId: s('campaign_id'),
    inspectorIds: JSON.parse(String(r['inspector_ids'])) as string[],
    plannedDate: String(r['planned_date']),
    plannedBy: String(r['planned_by']),
    conductedOn: s('conducted_on'),
    summary: s('summary'),
    status: String(r['status']),
    findingIds: JSON.parse(String(r['finding_ids'])) as string[],
    closedAt: s('closed_at'),
    reopenCount: Number(r['reopen_count']),
    cancelledReason: s('cancelled_reason'),
    createdAt: String(r['created_at']),
    updatedAt: String(r['updated_at']),
  };
}

/** The visit planned last first. Unique: one event (VisitPlanned, first of its stream) creates each row. */
const NEWEST_FIRST: readonly SortKey<Record<string, unknown>>[] = [
  { column: 'created_position', descending: true, of: (r) => Number(r['created_position']) },
];

export class VisitQueries {
  constructor(private readonly db: Database.Database) {
    ensureInspectionSchema(db);
  }

  get(visitId: string): VisitView | null {
    const r = preparedOn(this.db, 'SELECT * FROM inspection_visits WHERE visit_id = ?').get(visitId) as Record<string, unknown> | undefined;
    return r ? toView(r) : null;
  }

  /** Newest first, a page after `cursor`. */
  list(filter: VisitFilter, visible: readonly string[], cursor: string | undefined, pageSize = 20): KeysetPage<VisitView> {
    const { sql: scope, params } = scopeClause(visible);
    const parts = [scope];
    for (const [key, column] of [
      ['institutionId', 'institution_id'],
      ['kind', 'kind'],
      ['status', 'status'],
      ['campaignId', 'campaign_id'],
    ] as const) {
      if (filter[key] === undefined) continue;
      parts.push(`${column} = @${key}`);
      params[key] = filter[key];
    }
    if (filter.from) (parts.push('substr(planned_date, 1, 10) >= @from'), (params['from'] = filter.from));
    if (filter.to) (parts.push('substr(planned_date, 1, 10) <= @to'), (params['to'] = filter.to));
    if (filter.onlyConductedOrSelf) parts.push("(kind = 'self' OR status NOT IN ('planned', 'cancelled'))");
    return legacyKeysetPage(this.db, {
      select: 'SELECT * FROM inspection_visits',
      where: parts.join(' AND '),
      params,
      order: NEWEST_FIRST,
      cursor,
      pageSize,
      map: toView,
    });
  }
}
