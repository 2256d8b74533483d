/**
 * @bihuan/campaigns — campaigns (专项行动) as cases: a pure decider over `campaign-<id>` streams,
 * its visibility and summaries, the application layer (one command message and handler, the reads
 * over the inspection ledger filtered by campaign, core's CampaignCheck for visits and draws, the
 * seam for reporting duties), its read model, HTTP API (docs/campaigns.md), module and worker part.
 */
export * from './domain/campaign-values';
export * from './domain/campaign-labels';
export * from './domain/campaign-errors';
export * from './domain/campaign-days';
export * from './domain/campaign-phases';
export * from './domain/campaign.messages';
export * from './domain/campaign.state';
export * from './domain/campaign.decider';
export * from './domain/campaign.visibility';
export * from './application/campaign-access';
export * from './application/campaign-check.service';
export * from './application/campaign-scope';
export * from './application/campaign-reports';
export * from './application/campaign-progress';
export * from './application/campaign-summary';
export * from './application/campaign-views';
export * from './application/campaign-reads';
export * from './application/campaign-request.handler';
export * from './application/campaign-summary.xlsx';
export * from './read-models/campaigns-read-model.schema';
export * from './read-models/campaigns.projection';
export * from './read-models/campaigns.queries';
export * from './http/campaign.dto';
export * from './http/campaign-query.dto';
export * from './http/campaign.response';
export * from './http/campaign-reads.response';
export * from './http/campaigns.controller';
export * from './http/campaign-reads.controller';
export * from './summaries/campaign.summaries';
export { CampaignsModule } from './campaigns.module';
export { CAMPAIGNS_WORKER } from './campaigns.worker';
