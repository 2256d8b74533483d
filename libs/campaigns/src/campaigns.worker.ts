import { WorkerContribution } from '@bihuan/platform';
import { campaignsProjection } from './read-models/campaigns.projection';

/**
 * What the campaigns context adds to the worker: its list read model. Campaigns keep no deadlines
 * and no saga addresses them, so no decider is registered; their ledgers are the inspection
 * context's read models, filtered by campaign.
 */
export const CAMPAIGNS_WORKER: WorkerContribution = {
  name: 'campaigns',
  projections: ({ database }) => [campaignsProjection(database)],
};
