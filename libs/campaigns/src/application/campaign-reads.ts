import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK, shanghaiDate } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { Ledger, LedgerQueries, LedgerRow, VisitQueries, VisitView } from '@bihuan/inspection';
import { KeysetPage, READ_MODELS } from '@bihuan/platform';
import { phaseIndexOn } from '../domain/campaign-phases';
import { CampaignStatus } from '../domain/campaign-values';
import { coveredInstitutions } from '../domain/campaign.visibility';
import { CampaignFilter, CampaignListItem, CampaignQueries } from '../read-models/campaigns.queries';
import { CampaignAccess, ReadCampaign } from './campaign-access';
import { campaignProgress, ProgressTable, ProgressUnit } from './campaign-progress';
import { CAMPAIGN_REPORT_RECORDS, CampaignReportRecords } from './campaign-reports';
import { campaignSummaryFigures, SummaryByInstitution, SummaryFigures } from './campaign-summary';
import { campaignDetail, CampaignDetail, CampaignPhaseView, phaseViews } from './campaign-views';

/** What every campaign read names: the campaign, and the instant (and Shanghai day) it was made at. */
interface Heading {
  readonly campaignId: string;
  readonly title: string;
  readonly generatedAt: string;
}

/** The campaign's ledger: the inspection ledger's rows filed under it (one ledger, filtered), as the reader may see them. */
export type CampaignLedgerView = Heading & Ledger;

export type CampaignProgressView = Heading &
  ProgressTable & {
    readonly today: string;
    readonly currentPhase: number | null;
    readonly phases: CampaignPhaseView[];
    readonly reportsTracked: boolean;
    readonly units: (ProgressUnit & { readonly name: string })[];
  };

export type CampaignSummary = Heading &
  Omit<SummaryFigures, 'byInstitution'> & {
    readonly issuingUnitId: string;
    readonly issuingUnitName: string;
    readonly year: number;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly status: CampaignStatus;
    readonly closedAt: string | null;
    /** Open rows the close carried over (those the reader covers). */
    readonly carriedOver: number;
    readonly reportsTracked: boolean;
    readonly byInstitution: (SummaryByInstitution & { readonly name: string })[];
  };

/** The rows and visits of a campaign a reader may see, and whom the reader may see them for. */
interface CampaignActivity {
  readonly read: ReadCampaign;
  readonly now: string;
  readonly rows: LedgerRow[];
  readonly ledger: Ledger;
  readonly visits: VisitView[];
  readonly progress: ProgressTable;
  readonly tracked: boolean;
}

/**
 * The campaign's reads: the list (read model), its page (its stream), and its ledger, progress and
 * summary — all over the inspection ledger and visits read models filtered by the campaign's id
 * (there is no second ledger), within what the reader may see.
 */
@Injectable()
export class CampaignReads {
  private readonly campaigns: CampaignQueries;
  private readonly ledgers: LedgerQueries;
  private readonly visits: VisitQueries;

  constructor(
    @Inject(CampaignAccess) private readonly access: CampaignAccess,
    @Inject(READ_MODELS) database: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CAMPAIGN_REPORT_RECORDS) private readonly reports: CampaignReportRecords,
  ) {
    this.campaigns = new CampaignQueries(database);
    this.ledgers = new LedgerQueries(database);
    this.visits = new VisitQueries(database);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  list(actor: Actor, filter: CampaignFilter, cursor: string | undefined, pageSize: number): Promise<KeysetPage<CampaignListItem>> {
    const policy = this.access.access;
    return this.campaigns.list(
      { units: policy.visibleUnits(actor), institutions: policy.visibleInstitutions(actor) },
      filter,
      cursor,
      pageSize,
    );
  }

  async detail(actor: Actor, campaignId: string): Promise<CampaignDetail> {
    const { state, reader, facts } = await this.access.read(actor, campaignId);
    return campaignDetail(state, reader, facts, shanghaiDate(this.now()), (id) => this.access.unitName(id));
  }

  async ledger(actor: Actor, campaignId: string): Promise<CampaignLedgerView> {
    const { read, now, ledger } = await this.activity(actor, campaignId);
    return { campaignId, title: read.state.campaign.title, generatedAt: now, ...ledger };
  }

  async progress(actor: Actor, campaignId: string): Promise<CampaignProgressView> {
    const { read, now, progress, tracked } = await this.activity(actor, campaignId);
    const today = shanghaiDate(now);
    const { phases } = read.state.campaign;
    return {
      campaignId,
      title: read.state.campaign.title,
      generatedAt: now,
      today,
      currentPhase: phaseIndexOn(phases, today),
      phases: phaseViews(phases, today),
      reportsTracked: tracked,
      units: progress.units.map((u) => ({ ...u, name: this.access.unitName(u.institutionId) })),
      totals: progress.totals,
    };
  }

  async summary(actor: Actor, campaignId: string): Promise<CampaignSummary> {
    const { read, now, rows, progress, tracked } = await this.activity(actor, campaignId);
    const { state, reader, facts } = read;
    const c = state.campaign;
    const figures = campaignSummaryFigures(progress, rows);
    const carried = state.status === 'closed' ? state.closed.carriedOver : [];
    return {
      campaignId,
      title: c.title,
      generatedAt: now,
      issuingUnitId: c.issuingUnitId,
      issuingUnitName: this.access.unitName(c.issuingUnitId),
      year: c.year,
      startsOn: c.phases[0]!.from,
      endsOn: c.phases[c.phases.length - 1]!.to,
      status: state.status,
      closedAt: state.status === 'closed' ? state.closed.closedAt : null,
      carriedOver: carried.filter((row) => coveredInstitutions(reader, facts, [row.institutionId]).length > 0).length,
      reportsTracked: tracked,
      totals: figures.totals,
      byCategory: figures.byCategory,
      byInstitution: figures.byInstitution.map((line) => ({ ...line, name: this.access.unitName(line.institutionId) })),
    };
  }

  /** The campaign (checked for the reader), its rows and visits in the reader's scope, folded phase × unit. */
  private async activity(actor: Actor, campaignId: string): Promise<CampaignActivity> {
    const read = await this.access.read(actor, campaignId);
    const now = this.now();
    const visible = this.access.access.visibleInstitutions(actor);
    const [ledger, visits, received] = await Promise.all([
      this.ledgers.ledger({ campaignId }, visible, now),
      this.visits.ofCampaign(campaignId, visible),
      this.reports.received(campaignId),
    ]);
    const c = read.state.campaign;
    const institutionIds = coveredInstitutions(read.reader, read.facts, c.institutionIds);
    const mine = received?.filter((r) => institutionIds.includes(r.institutionId)) ?? null;
    const progress = campaignProgress({
      phases: c.phases,
      institutionIds,
      rows: ledger.rows,
      visits,
      received: mine,
      today: shanghaiDate(now),
    });
    return { read, now, rows: ledger.rows, ledger, visits, progress, tracked: received !== null };
  }
}
