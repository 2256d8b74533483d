import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CAMPAIGN_CHECK } from '@bihuan/core';
import { CampaignAccess } from './application/campaign-access';
import { CampaignChecker } from './application/campaign-check.service';
import { CampaignReads } from './application/campaign-reads';
import { CAMPAIGN_REPORT_RECORDS, NO_REPORT_RECORDS } from './application/campaign-reports';
import { CampaignRequestHandler } from './application/campaign-request.handler';
import { CampaignDirectory } from './application/campaign-scope';
import { CampaignReadsController } from './http/campaign-reads.controller';
import { CampaignsController } from './http/campaigns.controller';

/**
 * The campaigns context in the API (专项行动): launch, amend, close, and the campaign's list, page,
 * ledger, progress and summary. Global because it binds core's CAMPAIGN_CHECK, through which the
 * inspection (visits, 自查) and credit (draws) contexts below it check a `campaignId`. Reports
 * received are not kept yet: CAMPAIGN_REPORT_RECORDS is bound to NO_REPORT_RECORDS (the seam the
 * reporting duties will fill). Its projection runs in the worker (CAMPAIGNS_WORKER).
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [CampaignsController, CampaignReadsController],
  providers: [
    CampaignAccess,
    CampaignDirectory,
    CampaignReads,
    CampaignRequestHandler,
    CampaignChecker,
    { provide: CAMPAIGN_CHECK, useExisting: CampaignChecker },
    { provide: CAMPAIGN_REPORT_RECORDS, useValue: NO_REPORT_RECORDS },
  ],
  exports: [CAMPAIGN_CHECK],
})
export class CampaignsModule {}
