import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ISSUING_ROLES, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ApiPagedResponse, CommandReceipt, CommandReceiptDto, KeysetPage } from '@bihuan/platform';
import { CampaignReads } from '../application/campaign-reads';
import { CampaignRequest } from '../application/campaign-request.handler';
import { CampaignDetail } from '../application/campaign-views';
import { CampaignListItem } from '../read-models/campaigns.queries';
import { AmendCampaignDto, CloseCampaignDto, LaunchCampaignDto } from './campaign.dto';
import { ListCampaignsQueryDto } from './campaign-query.dto';
import { CampaignDetailDto, CampaignListItemDto } from './campaign.response';

/** The commission reads campaigns by jurisdiction, hospitals those that scope them; they are issued by ISSUING_ROLES (AccessPolicy). */
export const CAMPAIGN_READ_ROLES = ['inspector', 'hospital', 'leader', 'admin'] as const;

/** Campaigns (专项行动) as cases: launched over a scope in dated phases, amended while they run, closed. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CampaignReads) private readonly reads: CampaignReads,
  ) {}

  @Post()
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary:
      'Launch a campaign for your unit (or one below it): title, year, scope (directory attributes and/or institutions, resolved now), phases with the reports each requires',
  })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  launch(@CurrentActor() actor: Actor, @Body() body: LaunchCampaignDto): Promise<CommandReceipt> {
    return this.commands.execute(new CampaignRequest(actor, { kind: 'Launch', ...body }));
  }

  @Post(':campaignId/amend')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary: 'Change the title, phases or scope of a running campaign, with a reason (the issuing unit’s inspectors and leaders)',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  amend(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string, @Body() body: AmendCampaignDto): Promise<CommandReceipt> {
    return this.commands.execute(new CampaignRequest(actor, { kind: 'Amend', campaignId, ...body }));
  }

  @Post(':campaignId/close')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary: 'Close the campaign: 409 CAMPAIGN.OPEN_ROWS (naming how many) while its ledger has open rows, unless carryOver with a reason',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  close(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string, @Body() body: CloseCampaignDto): Promise<CommandReceipt> {
    return this.commands.execute(new CampaignRequest(actor, { kind: 'Close', campaignId, ...body }));
  }

  @Get()
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({
    summary:
      'Campaigns issued in your jurisdiction or scoping its institutions (hospitals: those scoping them); newest first: { items, nextCursor }',
  })
  @ApiPagedResponse(CampaignListItemDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListCampaignsQueryDto): Promise<KeysetPage<CampaignListItem>> {
    const { cursor, pageSize = 20, ...filter } = q;
    return this.reads.list(actor, filter, cursor, pageSize);
  }

  @Get(':campaignId')
  @Roles(...CAMPAIGN_READ_ROLES)
  @ApiOperation({ summary: 'A campaign: its facts, phases with the current one by the clock, the scope’s institutions you cover' })
  @ApiOkResponse({ type: CampaignDetailDto })
  get(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string): Promise<CampaignDetail> {
    return this.reads.detail(actor, campaignId);
  }
}
