import { Actor } from './actor';

/** What a context that files a visit or a draw under a campaign (专项行动) learns of it. */
export interface CampaignMembership {
  readonly campaignId: string;
  /** The institutions in the campaign's scope, as its launch (or last amendment) resolved them. */
  readonly institutionIds: readonly string[];
}

/**
 * How inspection (visits, self-inspections) and credit (draws) check a `campaignId` they are given:
 * the campaigns context answers it, and it sits above them (it reads their ledgers), so they reach
 * it through this port, bound by the campaigns module, as HISTORY_SUMMARIES reaches the audit's.
 */
export interface CampaignCheck {
  /**
   * The campaign as `actor` may file under it: 400 CAMPAIGN.UNKNOWN_CAMPAIGN naming `field` when
   * there is none the actor may read (an unknown id and another jurisdiction's campaign answer
   * alike), 409 CAMPAIGN.CLOSED once it is closed, and 400 CAMPAIGN.INSTITUTION_NOT_IN_SCOPE naming
   * `institutionField` when one of `institutionIds` lies outside its scope.
   */
  requireOpen(
    actor: Actor,
    campaignId: string,
    institutionIds: readonly string[],
    fields?: { readonly field?: string; readonly institutionField?: string },
  ): Promise<CampaignMembership>;
}

/** Injection token for CampaignCheck; @bihuan/campaigns binds it. */
export const CAMPAIGN_CHECK = Symbol('CAMPAIGN_CHECK');
