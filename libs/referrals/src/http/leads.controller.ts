import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ApiPagedResponse, KeysetPage } from '@bihuan/platform';
import { LeadReceipt, LeadRequest } from '../application/lead.handler';
import { LeadDetail, ReferralReads } from '../application/referral-reads';
import { LeadView } from '../read-models/referral-views';
import { LeadParamDto, ListLeadsQueryDto, SubmitLeadDto } from './lead.dto';
import { LeadDetailDto, LeadDto, LeadReceiptDto } from './lead.response';

/**
 * 交办线索 (docs/referrals.md): a partner agency sends a health commission a lead, which the
 * complaints context takes in as a ticket (channel agency-transfer); the agency follows its status.
 */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReferralReads,
  ) {}

  @Post()
  @Roles('partner')
  @ApiOperation({
    summary:
      'Send a lead to a health commission the agency works with: it becomes a complaint ticket (channel agency-transfer) received there; a named informant is encrypted into the ticket only',
  })
  @ApiCreatedResponse({ type: LeadReceiptDto })
  submit(@CurrentActor() actor: Actor, @Body() body: SubmitLeadDto): Promise<LeadReceipt> {
    return this.commands.execute(
      new LeadRequest(actor, {
        unitId: body.unitId,
        institutionId: body.institutionId ?? null,
        category: body.category,
        description: body.description,
        agencyReference: body.agencyReference ?? null,
        identity: body.identity ? { ...body.identity } : null,
      }),
    );
  }

  @Get()
  @Roles('partner', 'inspector', 'leader', 'admin')
  @ApiOperation({
    summary: 'Leads the caller may read, newest first: those an agency sent; those sent to a commission of the jurisdiction',
  })
  @ApiPagedResponse(LeadDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListLeadsQueryDto): Promise<KeysetPage<LeadView>> {
    return this.reads.leads(actor, q.cursor, q.pageSize ?? 20);
  }

  @Get(':leadId')
  @Roles('partner', 'inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'One lead and how far its complaint ticket has come (step and dates only: never the informant)' })
  @ApiOkResponse({ type: LeadDetailDto })
  get(@CurrentActor() actor: Actor, @Param() p: LeadParamDto): Promise<LeadDetail> {
    return this.reads.lead(actor, p.leadId);
  }
}
