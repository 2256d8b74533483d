import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor, shanghaiDate } from '@bihuan/core';
import { ApiFileResponse, attachmentDisposition, XLSX_MEDIA_TYPE } from '@bihuan/platform';
import { CampaignLedgerView, CampaignProgressView, CampaignReads, CampaignSummary } from '../application/campaign-reads';
import { campaignSummaryWorkbook } from '../application/campaign-summary.xlsx';
import { CAMPAIGN_READ_ROLES } from './campaigns.controller';
import { CampaignLedgerDto, CampaignProgressDto, CampaignSummaryDto } from './campaign-reads.response';

/** A campaign's ledger, progress and closing summary (通报), each within what the reader may see. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns/:campaignId')
export class CampaignReadsController {
  constructor(@Inject(CampaignReads) private readonly reads: CampaignReads) {}

  @Get('ledger')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({ summary: 'The campaign’s ledger: the rectification ledger’s rows filed under it (序号 1…n) and summary' })
  @ApiOkResponse({ type: CampaignLedgerDto })
  ledger(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<CampaignLedgerView> {
    return this.reads.ledger(actor, campaignId);
  }

  @Get('progress')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({
    summary: 'Progress by phase × unit: visits and self-inspections done, findings open / signed off / overdue, reports due',
  })
  @ApiOkResponse({ type: CampaignProgressDto })
  progress(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<CampaignProgressView> {
    return this.reads.progress(actor, campaignId);
  }

  @Get('summary')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({ summary: 'The closing summary: findings by category and institution, rectification and on-time rates, reports' })
  @ApiOkResponse({ type: CampaignSummaryDto })
  summary(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<CampaignSummary> {
    return this.reads.summary(actor, campaignId);
  }

  @Get('summary/export')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({ summary: 'The closing summary as a 通报 table (XLSX: by category, by institution); dates in Asia/Shanghai' })
  @ApiFileResponse([XLSX_MEDIA_TYPE], 'The 通报 workbook')
  async export(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<StreamableFile> {
    const summary = await this.reads.summary(actor, campaignId);
    const date = shanghaiDate(summary.generatedAt);
    return new StreamableFile(await campaignSummaryWorkbook(summary), {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition(`专项行动通报-${summary.title}-${date}.xlsx`, `campaign-${campaignId}-summary-${date}.xlsx`),
    });
  }
}
