import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPagedResponse } from '@bihuan/platform';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { FindingHistoryQuery, GetFindingQuery, ListFindingsQuery } from '../application';
import { FullHistoryQueryDto, ListFindingsQueryDto } from './query.dto';
import { InspectionFindingDetailDto, InspectionFindingHistoryDto } from './finding.response';
import { InspectionLedgerRowDto } from './ledger.response';
import { READ_ROLES } from './visits.controller';

/** Findings (问题) as ledger rows, one finding's state and deadlines, and its full history. */
@ApiTags('inspection: findings')
@ApiBearerAuth()
@Controller('findings')
export class FindingsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary:
      'Ledger rows in scope; filters institutionId, visitId, campaignId, status, category, severity, escalationRung, overdue, from/to; sorted by `sort` (default opened); a page after `cursor`: { items, nextCursor }',
  })
  @ApiPagedResponse(InspectionLedgerRowDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListFindingsQueryDto) {
    const { cursor, pageSize = 20, sort, ...filter } = q;
    return this.queries.execute(new ListFindingsQuery(actor, filter, cursor, pageSize, sort));
  }

  @Get(':findingId')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'A finding as its stream says now: facts, round, every deadline, overdue flag, ledger row' })
  @ApiOkResponse({ type: InspectionFindingDetailDto })
  get(@CurrentActor() actor: Actor, @Param('findingId') findingId: string) {
    return this.queries.execute(new GetFindingQuery(actor, findingId));
  }

  @Get(':findingId/history')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary:
      'The events of the finding, each with a Chinese one-line summary, actor (id, role, unit), occurredAt and recordedAt; bookkeeping folded away unless ?all=true (leaders and admins)',
  })
  @ApiOkResponse({ type: InspectionFindingHistoryDto })
  history(@CurrentActor() actor: Actor, @Param('findingId') findingId: string, @Query() q: FullHistoryQueryDto) {
    return this.queries.execute(new FindingHistoryQuery(actor, findingId, q.all === 'true'));
  }
}
