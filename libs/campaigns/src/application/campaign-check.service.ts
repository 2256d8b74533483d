import { Inject, Injectable } from '@nestjs/common';
import { readerOf } from '@bihuan/auth';
import { Actor, CampaignCheck, CampaignMembership } from '@bihuan/core';
import { campaignError } from '../domain/campaign-errors';
import { accessFactsOf, decideCampaignRead } from '../domain/campaign.visibility';
import { CampaignAccess } from './campaign-access';

/**
 * core's CampaignCheck, as visits (自查 included) and draws ask it: the campaign read from its
 * stream (not the read model: a campaign launched a moment ago is there), through its visibility
 * declaration, so a campaign the actor may not read answers as an unknown one (400 naming the field).
 */
@Injectable()
export class CampaignChecker implements CampaignCheck {
  constructor(@Inject(CampaignAccess) private readonly campaigns: CampaignAccess) {}

  async requireOpen(
    actor: Actor,
    campaignId: string,
    institutionIds: readonly string[],
    { field = 'campaignId', institutionField = 'institutionId' }: { field?: string; institutionField?: string } = {},
  ): Promise<CampaignMembership> {
    const state = await this.campaigns.state(campaignId);
    const decision = decideCampaignRead(readerOf(this.campaigns.access, actor), accessFactsOf(state));
    if (state.status === 'none' || decision.kind !== 'granted') {
      throw campaignError('UNKNOWN_CAMPAIGN', `${field} "${campaignId}" is not a campaign you may file under`, field);
    }
    if (state.status === 'closed') throw campaignError('CLOSED', `campaign ${campaignId} is closed`, field);
    for (const institutionId of institutionIds) {
      if (!state.campaign.institutionIds.includes(institutionId)) {
        throw campaignError(
          'INSTITUTION_NOT_IN_SCOPE',
          `${institutionId} is not in the scope of campaign ${campaignId}`,
          institutionField,
          {
            institutionId,
          },
        );
      }
    }
    return { campaignId, institutionIds: state.campaign.institutionIds };
  }
}
