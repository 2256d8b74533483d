import { Expression, Kysely, Selectable, sql, SqlBool } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, SortKey } from '@bihuan/platform';
import { NoticePeriod } from '../domain/public-notice.messages';
import { PublicNoticeKind, PublicNoticeStatus } from '../domain/public-notice-values';
import { NoticeTables, PublicNoticeRow } from './notices-read-model.schema';

/** A notice as the lists show it. */
export interface NoticeListItem {
  readonly noticeId: string;
  readonly issuingUnitId: string;
  readonly kind: PublicNoticeKind;
  readonly status: PublicNoticeStatus;
  readonly title: string;
  readonly period: NoticePeriod | null;
  readonly campaignId: string | null;
  readonly documentNo: string | null;
  readonly publishedAt: string | null;
  readonly publicUntil: string | null;
  /** The notice it corrects, and whether it withdraws it. */
  readonly correctsId: string | null;
  readonly withdraw: boolean;
  /** The published correction that corrects it (null while none is published). */
  readonly correctedById: string | null;
  readonly draftedAt: string;
  readonly draftedBy: string;
}

export interface NoticeFilter {
  readonly status?: PublicNoticeStatus;
  readonly kind?: PublicNoticeKind;
}

type Row = Selectable<PublicNoticeRow>;

function toItem(r: Row, publishedCorrections: ReadonlySet<string>): NoticeListItem {
  return {
    noticeId: r.notice_id,
    issuingUnitId: r.issuing_unit_id,
    kind: r.kind as PublicNoticeKind,
    status: r.status as PublicNoticeStatus,
    title: r.title,
    period: r.period_from && r.period_to ? { from: r.period_from, to: r.period_to } : null,
    campaignId: r.campaign_id,
    documentNo: r.document_no,
    publishedAt: r.published_at,
    publicUntil: r.public_until,
    correctsId: r.corrects_id,
    withdraw: Number(r.withdraw) === 1,
    correctedById: r.corrected_by_id && publishedCorrections.has(r.corrected_by_id) ? r.corrected_by_id : null,
    draftedAt: r.drafted_at,
    draftedBy: r.drafted_by,
  };
}

const NEWEST_DRAFTED: readonly SortKey<Row>[] = [{ column: 'created_position', descending: true, of: (r) => Number(r.created_position) }];
const NEWEST_PUBLISHED: readonly SortKey<Row>[] = [
  { column: 'published_position', descending: true, of: (r) => Number(r.published_position) },
];

/** `column IN list`, or false for an empty list (PostgreSQL refuses `IN ()`). */
const among = (column: string, list: readonly string[]): Expression<SqlBool> =>
  list.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(column)} in (${sql.join([...list])})`;

export class NoticeQueries {
  private readonly db: Kysely<NoticeTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<NoticeTables>();
  }

  /** The staff's list: drafts and published notices of the reader's units, newest drafted first. */
  async staff(
    units: readonly string[],
    filter: NoticeFilter,
    cursor: string | undefined,
    pageSize: number,
  ): Promise<KeysetPage<NoticeListItem>> {
    const query = this.db
      .selectFrom('public_notices')
      .selectAll()
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [among('issuing_unit_id', units)];
        if (filter.status) parts.push(eb('status', '=', filter.status));
        if (filter.kind) parts.push(eb('kind', '=', filter.kind));
        return eb.and(parts);
      });
    return this.withCorrections(await keysetPage({ query, order: NEWEST_DRAFTED, cursor, pageSize, map: (r) => r }));
  }

  /** The public's list: published notices still within their publicity period at `now`, newest published first. */
  async published(now: string, kind: PublicNoticeKind | undefined, cursor: string | undefined, pageSize: number) {
    const query = this.db
      .selectFrom('public_notices')
      .selectAll()
      .where((eb) =>
        eb.and([
          eb('status', '=', 'published'),
          eb.or([eb('public_until', 'is', null), eb('public_until', '>', now)]),
          ...(kind ? [eb('kind', '=', kind)] : []),
        ]),
      );
    return this.withCorrections(await keysetPage({ query, order: NEWEST_PUBLISHED, cursor, pageSize, map: (r) => r }));
  }

  /** A page's rows as items, naming a correction only once it is published (it is marked on the corrected notice first). */
  private async withCorrections(page: KeysetPage<Row>): Promise<KeysetPage<NoticeListItem>> {
    const ids = page.items.map((r) => r.corrected_by_id).filter((id): id is string => id !== null);
    const published =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('public_notices')
            .select('notice_id')
            .where('notice_id', 'in', ids)
            .where('status', '=', 'published')
            .execute();
    const set = new Set(published.map((r) => r.notice_id));
    return { items: page.items.map((r) => toItem(r, set)), nextCursor: page.nextCursor };
  }
}
