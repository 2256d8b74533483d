import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiPagedResponse, attachmentDisposition, XLSX_MEDIA_TYPE } from '@bihuan/platform';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentActor, Jurisdiction, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ComplainantIdentityService, ComplainantView } from '../application/complainant-identity.service';
import { ComplaintStatistics, ComplaintStatisticsQuery } from '../read-models/complaint-statistics.query';
import { statisticsWorkbook } from '../read-models/complaint-statistics.xlsx';
import { ComplaintTicketQueries, TicketPage } from '../read-models/complaint-tickets.query';
import { TicketDetail } from '../read-models/ticket-views';
import { ApiComplainantResponse } from './complainant.response';
import { ComplaintStatisticsDto } from './statistics.response';
import { ComplaintTicketDetailDto, ComplaintTicketDto } from './ticket.response';
import { FullHistoryQueryDto, PurposeQueryDto, StatisticsQueryDto, TicketListQueryDto } from './query.dto';

/** Reads: lists and details within scope, statistics, and the recorded identity read. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintQueriesController {
  constructor(
    private readonly tickets: ComplaintTicketQueries,
    private readonly statistics: ComplaintStatisticsQuery,
    private readonly identities: ComplainantIdentityService,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Get()
  @Roles('inspector', 'leader', 'admin', 'hospital')
  @ApiOperation({
    summary: 'Tickets in your scope (hospitals: assigned to their institution), newest first; a page after `cursor`: { items, nextCursor }',
  })
  @ApiPagedResponse(ComplaintTicketDto)
  list(@CurrentActor() actor: Actor, @Query() q: TicketListQueryDto): Promise<TicketPage> {
    return this.tickets.list(actor, q);
  }

  @Get('statistics')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({
    summary:
      'Counts, on-time rate per step, satisfaction, substantiated rate — by institution, category or month; ?format=xlsx for a workbook',
  })
  @ApiProduces('application/json', XLSX_MEDIA_TYPE)
  @ApiExtraModels(ComplaintStatisticsDto)
  @ApiOkResponse({
    description: 'The statistics, or with ?format=xlsx the same as a workbook',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ComplaintStatisticsDto) } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async stats(@CurrentActor() actor: Actor, @Query() q: StatisticsQueryDto): Promise<ComplaintStatistics | StreamableFile> {
    const { groupBy, format, ...filter } = q;
    const stats = await this.statistics.statistics(actor, groupBy ?? 'institution', filter);
    if (format !== 'xlsx') return stats;
    const unitName = (id: string): string => this.jurisdiction.get(id)?.name ?? id;
    return new StreamableFile(await statisticsWorkbook(stats, unitName), {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition(`投诉举报统计-${stats.groupBy}.xlsx`, `complaints-statistics-${stats.groupBy}.xlsx`),
    });
  }

  @Get(':id')
  @Roles('inspector', 'leader', 'admin', 'hospital')
  @ApiOperation({
    summary:
      'Ticket detail with its history (never the complainant’s identity), each entry with a Chinese one-line summary; bookkeeping folded away unless ?all=true (leaders and admins)',
  })
  @ApiOkResponse({ type: ComplaintTicketDetailDto })
  detail(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: FullHistoryQueryDto): Promise<TicketDetail> {
    return this.tickets.detail(actor, id, q.all === 'true');
  }

  @Get(':id/complainant')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'The complainant’s name and contacts (decrypted); every read is recorded in the access log' })
  @ApiComplainantResponse()
  complainant(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: PurposeQueryDto): Promise<ComplainantView> {
    return this.identities.reveal(id, actor, q.purpose);
  }
}
