import { Reader } from '@bihuan/core';
import { CampaignPhase, CampaignReportRequirement, phaseIndexOn, phaseStatusOn, reportDueDays } from '../domain/campaign-phases';
import { CampaignStatus, PhaseStatus } from '../domain/campaign-values';
import { CampaignOpenRow, CampaignScope } from '../domain/campaign.messages';
import { ExistingCampaign } from '../domain/campaign.state';
import { CampaignAccessFacts, coveredInstitutions, trimCampaignData } from '../domain/campaign.visibility';

export interface CampaignReportView extends CampaignReportRequirement {
  /** Every day the report falls due (one for a fixed day; each month's or quarter's end for a recurring one). */
  readonly dueDays: string[];
}

export interface CampaignPhaseView extends Omit<CampaignPhase, 'reports'> {
  readonly index: number;
  /** Where the phase stands on the clock's Shanghai day. */
  readonly status: PhaseStatus;
  readonly reports: CampaignReportView[];
}

export interface CampaignInstitutionView {
  readonly institutionId: string;
  readonly name: string;
}

/** A campaign as GET /campaigns/{id} answers it: its facts, phases on the clock's day, the scope the reader covers. */
export interface CampaignDetail {
  readonly campaignId: string;
  readonly issuingUnitId: string;
  readonly issuingUnitName: string;
  readonly title: string;
  readonly year: number;
  readonly status: CampaignStatus;
  readonly scope: CampaignScope;
  /** How many institutions the scope holds (all of them, whoever reads). */
  readonly institutionCount: number;
  /** The institutions of the scope the reader covers (all, for the issuing unit's readers), by name. */
  readonly institutions: CampaignInstitutionView[];
  readonly phases: CampaignPhaseView[];
  /** The phase the day falls in, or null (before, between or after the phases). */
  readonly currentPhase: number | null;
  readonly startsOn: string;
  readonly endsOn: string;
  /** The Shanghai day the phases were placed against. */
  readonly today: string;
  readonly launchedBy: string;
  readonly launchedAt: string;
  readonly amendments: number;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly closeReason: string | null;
  /** Open rows the close carried over (the ones the reader covers). */
  readonly carriedOver: CampaignOpenRow[];
}

export function phaseViews(phases: readonly CampaignPhase[], today: string): CampaignPhaseView[] {
  return phases.map((phase, index) => ({
    ...phase,
    index,
    status: phaseStatusOn(phase, today),
    reports: phase.reports.map((report) => ({ ...report, dueDays: reportDueDays(phase, report) })),
  }));
}

/** The detail view of a campaign for one reader, on `today` (the clock's Shanghai day). */
export function campaignDetail(
  state: ExistingCampaign,
  reader: Reader,
  facts: CampaignAccessFacts,
  today: string,
  unitName: (id: string) => string,
): CampaignDetail {
  const c = state.campaign;
  const closed = state.status === 'closed' ? state.closed : null;
  return {
    campaignId: c.campaignId,
    issuingUnitId: c.issuingUnitId,
    issuingUnitName: unitName(c.issuingUnitId),
    title: c.title,
    year: c.year,
    status: state.status,
    scope: trimCampaignData(reader, facts, { scope: c.scope }).scope,
    institutionCount: c.institutionIds.length,
    institutions: coveredInstitutions(reader, facts, c.institutionIds).map((id) => ({ institutionId: id, name: unitName(id) })),
    phases: phaseViews(c.phases, today),
    currentPhase: phaseIndexOn(c.phases, today),
    startsOn: c.phases[0]!.from,
    endsOn: c.phases[c.phases.length - 1]!.to,
    today,
    launchedBy: c.launchedBy,
    launchedAt: c.launchedAt,
    amendments: c.amendments,
    closedAt: closed?.closedAt ?? null,
    closedBy: closed?.closedBy ?? null,
    closeReason: closed?.reason ?? null,
    carriedOver: closed ? [...trimCampaignData(reader, facts, { carriedOver: closed.carriedOver }).carriedOver] : [],
  };
}
