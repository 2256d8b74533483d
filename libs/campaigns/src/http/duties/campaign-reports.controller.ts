import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { CampaignReportsView, ReportDutyReads } from '../../application/duties/report-duty-reads';
import { CAMPAIGN_READ_ROLES } from '../campaigns.controller';
import { CampaignReportCellDto, CampaignReportsDto } from './report-duty.response';

/** A campaign's reports as a leader reads them: who handed in what, on time or late (报送情况). */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiExtraModels(CampaignReportCellDto)
@Controller('campaigns/:campaignId/reports')
export class CampaignReportsController {
  constructor(@Inject(ReportDutyReads) private readonly reads: ReportDutyReads) {}

  @Get()
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({
    summary: 'Unit × report: each institution’s duty for each report instance (status, submitted at, on time or late), and the counts',
  })
  @ApiOkResponse({ type: CampaignReportsDto })
  reports(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<CampaignReportsView> {
    return this.reads.campaignReports(actor, campaignId);
  }
}
