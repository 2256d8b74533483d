import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, Jurisdiction, readerOf } from '@bihuan/auth';
import { Actor, assertReadGranted, Reader } from '@bihuan/core';
import { CommandExecution } from '@bihuan/platform';
import { campaignError } from '../domain/campaign-errors';
import { CAMPAIGN_CATEGORY, campaignDecider } from '../domain/campaign.decider';
import { CampaignState, ExistingCampaign } from '../domain/campaign.state';
import { accessFactsOf, CampaignAccessFacts, decideCampaignRead } from '../domain/campaign.visibility';

/** A campaign as one reader may read it: its state, the reader, and the facts access depends on. */
export interface ReadCampaign {
  readonly state: ExistingCampaign;
  readonly reader: Reader;
  readonly facts: CampaignAccessFacts;
}

/**
 * Who may touch which campaign, for writes (`CaseWrite.authorize`) and reads alike: the stream's
 * visibility declaration (404 unknown, 403 not readable) and, for amending and closing, the
 * AccessPolicy's issuer rule over the campaign's issuing unit.
 */
@Injectable()
export class CampaignAccess {
  constructor(
    @Inject(AccessPolicy) readonly access: AccessPolicy,
    @Inject(Jurisdiction) readonly jurisdiction: Jurisdiction,
    @Inject(CommandExecution) private readonly execution: CommandExecution,
  ) {}

  /** The state's campaign as the actor may read it, else 404 CAMPAIGN.NOT_FOUND / 403 AUTH.OUT_OF_SCOPE. */
  campaign(actor: Actor, campaignId: string): (state: CampaignState) => ExistingCampaign {
    return (state) => {
      assertReadGranted(decideCampaignRead(readerOf(this.access, actor), accessFactsOf(state)), () =>
        campaignError('NOT_FOUND', `campaign ${campaignId} does not exist`),
      );
      if (state.status === 'none') throw campaignError('NOT_FOUND', `campaign ${campaignId} does not exist`);
      return state;
    };
  }

  /** The campaign as an issuer may change it: readable, and its issuing unit within the actor's jurisdiction. */
  issuer(actor: Actor, campaignId: string, action: string): (state: CampaignState) => ExistingCampaign {
    return (state) => {
      const existing = this.campaign(actor, campaignId)(state);
      this.access.assertIssuer(actor, existing.campaign.issuingUnitId, action);
      return existing;
    };
  }

  /** The folded stream (as writes fold it), checked for the actor. */
  async read(actor: Actor, campaignId: string): Promise<ReadCampaign> {
    const state = this.campaign(actor, campaignId)(await this.state(campaignId));
    return { state, reader: readerOf(this.access, actor), facts: accessFactsOf(state) };
  }

  state(campaignId: string): Promise<CampaignState> {
    return this.execution.state(campaignDecider, CAMPAIGN_CATEGORY, campaignId);
  }

  unitName(id: string): string {
    return this.jurisdiction.get(id)?.name ?? id;
  }
}
