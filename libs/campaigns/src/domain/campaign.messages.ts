import { Command, DomainEvent, EventTypes } from '@bihuan/core';
import { CampaignPhase, PhaseInput } from './campaign-phases';

/**
 * Commands and events of a campaign (专项行动), stream `campaign-<campaignId>`; the catalogue is
 * docs/campaigns.md. The actor and the time come from metadata; ids, the scope as resolved against
 * the directory, and what the ledger holds arrive in data (the decider reads no read model).
 */

/** What the scope selects on (directory attribute codes; empty lists select nothing) and who it names one by one. */
export interface CampaignScope {
  readonly institutionTypes: readonly string[];
  readonly ownerships: readonly string[];
  readonly levels: readonly string[];
  readonly listedInstitutionIds: readonly string[];
  /**
   * Commission units below the issuing unit (a city's county commissions) that owe the phases'
   * reports beside the institutions (“报市卫生健康委”): named one by one; absent in campaigns
   * recorded before lower commissions could owe reports (none, then).
   */
  readonly commissionUnitIds?: readonly string[];
}

/** What every campaign knows about itself. */
export interface CampaignFacts {
  readonly campaignId: string;
  /** The commission unit that issues it (发文单位): the actor's unit or one below it. */
  readonly issuingUnitId: string;
  readonly title: string;
  readonly year: number;
  readonly scope: CampaignScope;
  /** The institutions the scope resolved to when recorded, sorted: reproducible whatever the directory says later. */
  readonly institutionIds: readonly string[];
  readonly phases: readonly CampaignPhase[];
}

/** An open row of the campaign's ledger, as the close records it. */
export interface CampaignOpenRow {
  readonly findingId: string;
  readonly institutionId: string;
}

export type LaunchCampaign = Command<'LaunchCampaign', Omit<CampaignFacts, 'phases'> & { readonly phases: readonly PhaseInput[] }>;

/** Changes what is given (title, phases, scope); a new scope must keep every institution the campaign's visits name. */
export type AmendCampaign = Command<
  'AmendCampaign',
  {
    readonly campaignId: string;
    readonly title?: string | null;
    readonly phases?: readonly PhaseInput[] | null;
    readonly scope?: CampaignScope | null;
    readonly institutionIds?: readonly string[] | null;
    /** Institutions the campaign's visits already name (the visits read model). */
    readonly institutionsInUse: readonly string[];
    readonly reason: string;
  }
>;

/** Closes the campaign; refused while `openRows` is not empty unless `carryOver` (with a reason) records them as carried over. */
export type CloseCampaign = Command<
  'CloseCampaign',
  {
    readonly campaignId: string;
    /** The ledger's rows neither signed off nor withdrawn (the ledger read model, just before the close). */
    readonly openRows: readonly CampaignOpenRow[];
    readonly carryOver: boolean;
    readonly reason?: string | null;
  }
>;

export type CampaignCommand = LaunchCampaign | AmendCampaign | CloseCampaign;

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  CampaignFacts & { readonly launchedBy: string; readonly launchedAt: string }
>;

/** The campaign's facts after the amendment (whole, so a reader needs no earlier event), and what changed. */
export type CampaignAmended = DomainEvent<
  'CampaignAmended',
  CampaignFacts & {
    readonly changed: readonly ('title' | 'phases' | 'scope')[];
    readonly reason: string;
    readonly amendedBy: string;
    readonly amendedAt: string;
  }
>;

export type CampaignClosed = DomainEvent<
  'CampaignClosed',
  {
    readonly campaignId: string;
    /** Open rows carried over beyond the campaign (结转): they go on in the institutions' ledgers. */
    readonly carriedOver: readonly CampaignOpenRow[];
    readonly reason: string | null;
    readonly closedBy: string;
    readonly closedAt: string;
  }
>;

export type CampaignEvent = CampaignLaunched | CampaignAmended | CampaignClosed;

/** Every type a campaign stream holds, for narrowing events read from the log (isEventOf). */
export const CAMPAIGN_EVENTS: EventTypes<CampaignEvent> = {
  CampaignLaunched: true,
  CampaignAmended: true,
  CampaignClosed: true,
};
