import type Database from 'better-sqlite3';
import { VisitKind } from '../domain';
import { ensureInspectionSchema } from './inspection-read-model.schema';
import { Page } from './ledger.queries';

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

export class VisitQueries {
  constructor(private readonly db: Database.Database) {
    ensureInspectionSchema(db);
  }

  get(visitId: string): VisitView | null {
    const r = this.db.prepare('SELECT * FROM inspection_visits WHERE visit_id = ?').get(visitId) as Record<string, unknown> | undefined;
    return r ? toView(r) : null;
  }

  list(filter: VisitFilter, visible: readonly string[], page = 1, pageSize = 20): Page<VisitView> {
    const parts = ['institution_id IN (SELECT value FROM json_each(@visible))'];
    const params: Record<string, unknown> = { visible: JSON.stringify(visible) };
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
    const where = parts.join(' AND ');
    const total = Number(this.db.prepare(`SELECT COUNT(*) FROM inspection_visits WHERE ${where}`).pluck().get(params));
    const rows = this.db
      .prepare(`SELECT * FROM inspection_visits WHERE ${where} ORDER BY created_position DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as Record<string, unknown>[];
    return { items: rows.map(toView), total, page, pageSize };
  }
}
