import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { ApiPagedResponse, CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { GetVisitQuery, ListVisitsQuery, VisitAck, VisitRequest } from '../application';
import { ListVisitsQueryDto } from './query.dto';
import { InspectionFindingRegisteredDto } from './receipt.response';
import { InspectionVisitDetailDto, InspectionVisitDto } from './visit.response';
import { FindingDraftDto, PlanVisitDto, InspectionReasonDto, RecordVisitDto } from './visit.dto';

export const READ_ROLES = ['inspector', 'hospital', 'leader', 'admin'] as const;

/** Visits (检查): planned and recorded by inspectors; hospitals run their own self-inspections (自查). */
@ApiTags('inspection: visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('inspector', 'hospital')
  @ApiOperation({ summary: 'Plan a visit (inspector; a hospital only its own `self` inspection)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  plan(@CurrentActor() actor: Actor, @Body() body: PlanVisitDto): Promise<CommandReceipt> {
    const { kind: visitKind, ...plan } = body;
    return this.commands.execute(new VisitRequest(actor, { kind: 'Plan', visitKind, ...plan }));
  }

  @Post(':visitId/record')
  @HttpCode(200)
  @Roles('inspector', 'hospital')
  @ApiOperation({ summary: 'Record that the visit took place (conductedOn not in the future)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  record(@CurrentActor() actor: Actor, @Param('visitId') visitId: string, @Body() body: RecordVisitDto): Promise<CommandReceipt> {
    return this.commands.execute(new VisitRequest(actor, { kind: 'Record', visitId, ...body }));
  }

  @Post(':visitId/cancel')
  @HttpCode(200)
  @Roles('inspector', 'hospital')
  @ApiOperation({ summary: 'Cancel a planned visit, with a reason' })
  @ApiOkResponse({ type: CommandReceiptDto })
  cancel(@CurrentActor() actor: Actor, @Param('visitId') visitId: string, @Body() body: InspectionReasonDto): Promise<CommandReceipt> {
    return this.commands.execute(new VisitRequest(actor, { kind: 'Cancel', visitId, reason: body.reason }));
  }

  @Post(':visitId/findings')
  @Roles('inspector', 'hospital')
  @ApiOperation({ summary: 'Record a finding (问题) on a conducted, open visit; its ledger row opens from that record' })
  @ApiCreatedResponse({ type: InspectionFindingRegisteredDto })
  registerFinding(@CurrentActor() actor: Actor, @Param('visitId') visitId: string, @Body() body: FindingDraftDto): Promise<VisitAck> {
    return this.commands.execute(new VisitRequest(actor, { kind: 'RegisterFinding', visitId, finding: body }));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary:
      "Visits in the caller's scope (filters: institutionId, kind, status, campaignId, planned from/to); newest first, a page after `cursor`: { items, nextCursor }",
  })
  @ApiPagedResponse(InspectionVisitDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListVisitsQueryDto) {
    const { cursor, pageSize = 20, ...filter } = q;
    return this.queries.execute(new ListVisitsQuery(actor, filter, cursor, pageSize));
  }

  @Get(':visitId')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'One visit with its findings and ledger summary' })
  @ApiOkResponse({ type: InspectionVisitDetailDto })
  get(@CurrentActor() actor: Actor, @Param('visitId') visitId: string) {
    return this.queries.execute(new GetVisitQuery(actor, visitId));
  }
}
