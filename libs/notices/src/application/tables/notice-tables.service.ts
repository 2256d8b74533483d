import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { Kysely } from 'kysely';
import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { CampaignReads } from '@bihuan/campaigns';
import { ComplaintStatisticsQuery } from '@bihuan/complaints';
import { Actor, assertNever, shanghaiDayStartMs } from '@bihuan/core';
import { CreditArchiveState, CreditQueries, CreditTables } from '@bihuan/credit';
import { SqlDatabase } from '@bihuan/database';
import { LedgerCounts, LedgerCountsQuery } from '@bihuan/inspection';
import { periodWordsOf, READ_MODELS, StatisticsHeading } from '@bihuan/platform';
import { NoticeDraft, NoticePeriod, NoticeTable } from '../../domain/public-notice.messages';
import { campaignNotes, campaignTables } from './campaign-tables';
import { listChanges, RED_LIST_NOTES, redListTables } from './red-list-tables';
import { COMPLAINT_NOTES, complaintTables, INSPECTION_NOTES, inspectionTables } from './statistics-tables';

/** What a notice prints besides the leader's text. */
export interface NoticeFigures {
  readonly tables: NoticeTable[];
  readonly notes: string[];
}

const DAY_MS = 86_400_000;
/** A Beijing day as the complaints' instants: 00:00 that day (their `to` is exclusive, so the day after). */
const dayStart = (date: string, plusDays = 0): string => new Date(shanghaiDayStartMs(date) + plusDays * DAY_MS).toISOString();

/**
 * The tables of a notice, read from the read models as they stand (the publisher waits for them to
 * reach the log's head first), through each context's own reads under the issuing unit's scope —
 * the same reads and sheet builders as the leaders' statistics and the campaign summary — and cut
 * down to what may be public (statistics-tables.ts, red-list-tables.ts, campaign-tables.ts).
 */
@Injectable()
export class NoticeTables {
  private readonly credit: Kysely<CreditTables>;

  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ComplaintStatisticsQuery) private readonly complaints: ComplaintStatisticsQuery,
    @Inject(CreditQueries) private readonly creditQueries: CreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(READ_MODELS) database: SqlDatabase,
  ) {
    this.credit = database.db.withTables<CreditTables>();
  }

  /** `reader`: the issuing unit as a reader (the drafter's role, the notice's unit), so the figures are the unit's own. */
  async figures(reader: Actor, draft: NoticeDraft, asOf: string): Promise<NoticeFigures> {
    const heading = (period: NoticePeriod): StatisticsHeading => ({
      scope: this.unitName(draft.issuingUnitId),
      period: periodWordsOf(period.from, period.to, asOf),
      generatedAt: asOf,
    });
    const unitName = (id: string) => this.unitName(id);
    switch (draft.kind) {
      case 'complaint-statistics': {
        const period = required(draft.period);
        const received = { from: dayStart(period.from), to: dayStart(period.to, 1) };
        const [byInstitution, byCategory] = await Promise.all([
          this.complaints.statistics(reader, 'institution', received),
          this.complaints.statistics(reader, 'category', received),
        ]);
        return { tables: complaintTables(byInstitution, byCategory, heading(period), unitName), notes: [...COMPLAINT_NOTES] };
      }
      case 'inspection-results': {
        const period = required(draft.period);
        const counts: LedgerCounts = await this.queries.execute(new LedgerCountsQuery(reader, { from: period.from, to: period.to }));
        return { tables: inspectionTables(counts, heading(period)), notes: [...INSPECTION_NOTES] };
      }
      case 'credit-list-changes': {
        const period = required(draft.period);
        const institutions = this.access.visibleInstitutions(reader);
        const [archives, active] = await Promise.all([this.archives(institutions), this.creditQueries.listEntries('public', institutions)]);
        return { tables: redListTables(listChanges(archives, period), active, heading(period), unitName), notes: [...RED_LIST_NOTES] };
      }
      case 'campaign-summary': {
        // The campaigns module's own CampaignReads, with the reports port it binds (CAMPAIGN_REPORT_RECORDS):
        // the module exports only CAMPAIGN_CHECK, so it is looked up app-wide rather than built a second time.
        const reads = this.modules.get(CampaignReads, { strict: false });
        const summary = await reads.summary(reader, required(draft.campaignId));
        return { tables: campaignTables(summary), notes: campaignNotes(summary) };
      }
      default:
        return assertNever(draft.kind, 'notice kind');
    }
  }

  unitName(id: string): string {
    return this.jurisdiction.get(id)?.name ?? id;
  }

  /**
   * The credit archives' folded states as the credit read model keeps them: list entries that ended
   * in the period are no longer in force, and only the archive's state still tells them.
   */
  private async archives(institutionIds: readonly string[]): Promise<Map<string, CreditArchiveState>> {
    if (institutionIds.length === 0) return new Map();
    const rows = await this.credit
      .selectFrom('credit_archive_states')
      .select(['institution_id', 'state'])
      .where('institution_id', 'in', [...institutionIds])
      .orderBy('institution_id')
      .execute();
    return new Map(rows.map((r) => [r.institution_id, JSON.parse(r.state) as CreditArchiveState]));
  }
}

function required<T>(value: T | null): T {
  if (value === null) throw new Error('a published notice’s draft names what its kind needs (the decider saw to it)');
  return value;
}
