import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiFileResponse, attachmentDisposition } from '@bihuan/platform';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { parseAsOf } from '../application/as-of-param';
import { AuditReadService, CaseInstants, CaseState } from '../application/audit-read.service';
import { HistoryPage } from '../history/case-history.types';
import { IntegrityReport } from '../integrity/integrity-report';
import { DOSSIER_CSP } from '../dossier/dossier-html';
import { AsOfQueryDto, HistoryQueryDto, InstantsQueryDto, STREAM_PATTERN } from './audit.dto';
import { AuditCaseInstantsDto, AuditCaseStateDto, AuditHistoryPageDto } from './audit-history.response';
import { AuditCaseIntegrityReportDto } from './audit-log.response';

/** The bit of Express's response the dossier download needs. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

function streamParam(stream: string): string {
  if (!STREAM_PATTERN.test(stream))
    throw DomainError.invalid('AUDIT.BAD_STREAM', 'stream', `"${stream}" is not a stream name (<category>-<id>)`);
  return stream;
}

/**
 * One case, opened from any of its streams: merged history, state as of an instant, integrity,
 * dossier. Leaders and admins read their jurisdiction, inspectors its institutions' cases,
 * hospital users their own institution's (decided by the root stream's institution).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('leader', 'admin', 'inspector', 'hospital')
@Controller('audit/cases/:stream')
export class AuditCasesController {
  constructor(private readonly audit: AuditReadService) {}

  @Get('history')
  @ApiOperation({
    summary:
      'The merged timeline of a case across every linked stream, paged, each entry with a Chinese one-line summary; bookkeeping and timer events folded away unless ?all=true (leaders and admins); personal data redacted for the reader; the read is recorded',
  })
  @ApiParam({ name: 'stream', example: 'complaintTicket-T1' })
  @ApiOkResponse({ type: AuditHistoryPageDto })
  history(@Param('stream') stream: string, @Query() q: HistoryQueryDto, @CurrentActor() actor: Actor): Promise<HistoryPage> {
    const asOf = parseAsOf(q.asOf, q.asOfPosition);
    return this.audit.history(actor, streamParam(stream), {
      ...(q.page ? { page: q.page } : {}),
      ...(q.pageSize ? { pageSize: q.pageSize } : {}),
      ...(asOf ? { asOf } : {}),
      ...(q.purpose ? { purpose: q.purpose } : {}),
      ...(q.all === 'true' ? { all: true } : {}),
    });
  }

  @Get('instants')
  @ApiOperation({
    summary:
      'When each event of the case was recorded, in timeline order, folded and viewed exactly as the history (the stops of an "as of" slider; which page an event is on); the read is recorded',
  })
  @ApiOkResponse({ type: AuditCaseInstantsDto })
  instants(@Param('stream') stream: string, @Query() q: InstantsQueryDto, @CurrentActor() actor: Actor): Promise<CaseInstants> {
    return this.audit.instants(actor, streamParam(stream), {
      ...(q.purpose ? { purpose: q.purpose } : {}),
      ...(q.all === 'true' ? { all: true } : {}),
    });
  }

  @Get('state')
  @ApiOperation({ summary: 'The state of the case stream at a past instant, folded from the log with its decider (now when no asOf)' })
  @ApiOkResponse({ type: AuditCaseStateDto })
  state(@Param('stream') stream: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<CaseState> {
    return this.audit.state(actor, streamParam(stream), parseAsOf(q.asOf, q.asOfPosition), q.purpose);
  }

  @Get('integrity')
  @ApiOperation({ summary: 'SM3 chain of every stream of the case, with the verified hash range' })
  @ApiOkResponse({ type: AuditCaseIntegrityReportDto })
  integrity(@Param('stream') stream: string, @CurrentActor() actor: Actor): Promise<IntegrityReport & { root: string }> {
    return this.audit.caseIntegrity(actor, streamParam(stream));
  }

  @Get('dossier')
  @ApiOperation({
    summary: 'Self-contained HTML dossier (download) with the integrity summary; redacted for the reader; the export is recorded',
  })
  @ApiFileResponse(['text/html'], 'The dossier: one self-contained HTML page, as an attachment')
  async dossier(
    @Param('stream') stream: string,
    @Query() q: AsOfQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<string> {
    const asOf = parseAsOf(q.asOf, q.asOfPosition);
    const file = await this.audit.dossier(actor, streamParam(stream), {
      ...(asOf ? { asOf } : {}),
      ...(q.purpose ? { purpose: q.purpose } : {}),
    });
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('Content-Security-Policy', DOSSIER_CSP);
    res.setHeader('Cache-Control', 'no-store');
    return file.html;
  }
}
