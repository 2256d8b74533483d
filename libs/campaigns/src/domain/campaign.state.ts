import { assertNever } from '@bihuan/core';
import { CampaignClosed, CampaignEvent, CampaignFacts } from './campaign.messages';

/** A campaign as its stream tells it: the facts in force, who launched it, how often it was amended. */
export interface CampaignRecord extends CampaignFacts {
  readonly launchedBy: string;
  readonly launchedAt: string;
  readonly amendments: number;
}

export type CampaignState =
  | { readonly status: 'none' }
  | { readonly status: 'launched'; readonly campaign: CampaignRecord }
  | { readonly status: 'closed'; readonly campaign: CampaignRecord; readonly closed: CampaignClosed['data'] };

export type ExistingCampaign = Exclude<CampaignState, { status: 'none' }>;

export const initialCampaignState: CampaignState = { status: 'none' };

function factsOf(data: CampaignFacts): CampaignFacts {
  const { campaignId, issuingUnitId, title, year, scope, institutionIds, phases } = data;
  return { campaignId, issuingUnitId, title, year, scope, institutionIds, phases };
}

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignLaunched':
      return {
        status: 'launched',
        campaign: { ...factsOf(event.data), launchedBy: event.data.launchedBy, launchedAt: event.data.launchedAt, amendments: 0 },
      };
    case 'CampaignAmended':
      if (state.status !== 'launched') return state;
      return { status: 'launched', campaign: { ...state.campaign, ...factsOf(event.data), amendments: state.campaign.amendments + 1 } };
    case 'CampaignClosed':
      return state.status === 'launched' ? { status: 'closed', campaign: state.campaign, closed: event.data } : state;
    default:
      return assertNever(event, 'campaign event');
  }
}
