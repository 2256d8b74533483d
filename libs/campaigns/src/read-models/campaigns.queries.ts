import { Expression, Kysely, Selectable, sql, SqlBool } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, SortKey } from '@bihuan/platform';
import { CampaignStatus } from '../domain/campaign-values';
import { CampaignRecordRow, CampaignTables } from './campaigns-read-model.schema';

/** A campaign as lists show it. */
export interface CampaignListItem {
  readonly campaignId: string;
  readonly issuingUnitId: string;
  readonly title: string;
  readonly year: number;
  readonly status: CampaignStatus;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly institutionCount: number;
  readonly launchedAt: string;
  readonly launchedBy: string;
  readonly closedAt: string | null;
  readonly carriedOver: number;
}

export interface CampaignFilter {
  readonly status?: CampaignStatus;
  readonly year?: number;
  readonly issuingUnitId?: string;
}

/** Whom the list is for: the units whose campaigns they read, and the institutions whose campaigns they read. */
export interface CampaignReaderScope {
  readonly units: readonly string[];
  readonly institutions: readonly string[];
}

type Row = Selectable<CampaignRecordRow>;

function toItem(r: Row): CampaignListItem {
  return {
    campaignId: r.campaign_id,
    issuingUnitId: r.issuing_unit_id,
    title: r.title,
    year: Number(r.year),
    status: r.status as CampaignStatus,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    institutionCount: Number(r.institution_count),
    launchedAt: r.launched_at,
    launchedBy: r.launched_by,
    closedAt: r.closed_at,
    carriedOver: Number(r.carried_over),
  };
}

const NEWEST_FIRST: readonly SortKey<Row>[] = [{ column: 'created_position', descending: true, of: (r) => Number(r.created_position) }];

/** `column IN list`, or false for an empty list (PostgreSQL refuses `IN ()`). */
const among = (column: string, list: readonly string[]): Expression<SqlBool> =>
  list.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(column)} in (${sql.join([...list])})`;

export class CampaignQueries {
  private readonly db: Kysely<CampaignTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<CampaignTables>();
  }

  /**
   * Newest first, a page after `cursor`: campaigns issued by one of the reader's units, or scoping
   * one of the reader's institutions (a hospital's list, a district's list of the city's campaigns).
   */
  list(
    reader: CampaignReaderScope,
    filter: CampaignFilter,
    cursor: string | undefined,
    pageSize = 20,
  ): Promise<KeysetPage<CampaignListItem>> {
    const scoping = this.db
      .selectFrom('campaign_institutions')
      .select('campaign_id')
      .where(() => among('institution_id', reader.institutions));
    const query = this.db
      .selectFrom('campaign_records')
      .selectAll()
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [eb.or([among('issuing_unit_id', reader.units), eb('campaign_id', 'in', scoping)])];
        if (filter.status) parts.push(eb('status', '=', filter.status));
        if (filter.year !== undefined) parts.push(eb('year', '=', filter.year));
        if (filter.issuingUnitId) parts.push(eb('issuing_unit_id', '=', filter.issuingUnitId));
        return eb.and(parts);
      });
    return keysetPage({ query, order: NEWEST_FIRST, cursor, pageSize, map: toItem });
  }
}
