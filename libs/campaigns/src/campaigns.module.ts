import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CAMPAIGN_CHECK } from '@bihuan/core';
import { CampaignAccess } from './application/campaign-access';
import { CampaignChecker } from './application/campaign-check.service';
import { CampaignReads } from './application/campaign-reads';
import { CAMPAIGN_REPORT_RECORDS } from './application/campaign-reports';
import { CampaignRequestHandler } from './application/campaign-request.handler';
import { CampaignDirectory } from './application/campaign-scope';
import { ReportDutyAccess } from './application/duties/report-duty-access';
import { ReportDutyReads } from './application/duties/report-duty-reads';
import { ReportDutyRequestHandler } from './application/duties/report-duty-request.handler';
import { ReportDutyRecords } from './application/duties/report-records';
import { CampaignReadsController } from './http/campaign-reads.controller';
import { CampaignsController } from './http/campaigns.controller';
import { CampaignReportsController } from './http/duties/campaign-reports.controller';
import { ReportDutiesController } from './http/duties/report-duties.controller';

/**
 * The campaigns context in the API (专项行动): launch, amend, close, and the campaign's list, page,
 * ledger, progress and summary; its reporting duties (报送任务: hand in, accept, return, the
 * lists and the campaign's unit × report matrix). Global because it binds core's CAMPAIGN_CHECK,
 * through which the inspection (visits, 自查) and credit (draws) contexts below it check a
 * `campaignId`. CAMPAIGN_REPORT_RECORDS (what progress and summary count as received) is the
 * duties' read model. Its projections and the duties' workflow run in the worker (CAMPAIGNS_WORKER).
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [CampaignsController, CampaignReadsController, CampaignReportsController, ReportDutiesController],
  providers: [
    CampaignAccess,
    CampaignDirectory,
    CampaignReads,
    CampaignRequestHandler,
    CampaignChecker,
    ReportDutyAccess,
    ReportDutyReads,
    ReportDutyRequestHandler,
    ReportDutyRecords,
    { provide: CAMPAIGN_CHECK, useExisting: CampaignChecker },
    { provide: CAMPAIGN_REPORT_RECORDS, useExisting: ReportDutyRecords },
  ],
  exports: [CAMPAIGN_CHECK],
})
export class CampaignsModule {}
