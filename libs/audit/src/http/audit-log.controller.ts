import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CLOCK } from '@bihuan/core';
import { ApiFileResponse, attachmentDisposition } from '@bihuan/platform';
import { CurrentActor, Jurisdiction, Roles } from '@bihuan/auth';
import { AccessLogRow } from '../application/access-log-view';
import { parseAsOf } from '../application/as-of-param';
import { AuditReadService, LedgerAsOf } from '../application/audit-read.service';
import { IntegrityReport } from '../integrity/integrity-report';
import { asOfLedgerFile, LEDGER_EXPORT_TYPES } from '../application/ledger-as-of-file';
import { AccessLogQueryDto, AsOfQueryDto, InstitutionParamDto, LedgerExportQueryDto } from './audit.dto';
import { AuditAccessLogPageDto, AuditIntegrityReportDto, AuditLedgerAsOfDto } from './audit-log.response';

/** Log-wide audit: ledgers as of an instant, the whole log's integrity, and the access log. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditLogController {
  constructor(
    private readonly audit: AuditReadService,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('ledgers/:institutionId')
  @Roles('leader', 'admin', 'inspector', 'hospital')
  @ApiOperation({ summary: 'An institution’s rectification ledger (findings and status) at a past instant, recomputed from the log' })
  @ApiOkResponse({ type: AuditLedgerAsOfDto })
  ledger(@Param() p: InstitutionParamDto, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<LedgerAsOf> {
    return this.audit.ledger(actor, p.institutionId, parseAsOf(q.asOf, q.asOfPosition));
  }

  @Get('ledgers/:institutionId/export')
  @Roles('leader', 'admin', 'inspector', 'hospital')
  @ApiOperation({
    summary: 'The as-of ledger as XLSX (default) or CSV, laid out like today’s ledger export; the title says 截至 <instant>',
  })
  @ApiFileResponse([LEDGER_EXPORT_TYPES.xlsx, LEDGER_EXPORT_TYPES.csv], 'The as-of ledger file (?format=xlsx, the default, or csv)')
  async ledgerExport(
    @Param() p: InstitutionParamDto,
    @Query() q: LedgerExportQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const asOf = parseAsOf(q.asOf, q.asOfPosition);
    const folded = await this.audit.ledgerFold(actor, p.institutionId, asOf);
    const file = await asOfLedgerFile({
      fold: folded.state,
      asOf: asOf ?? folded.asOf,
      institutionId: p.institutionId,
      unitName: this.jurisdiction.get(p.institutionId)?.name ?? p.institutionId,
      format: q.format ?? 'xlsx',
      now: this.clock.now().toISOString(),
    });
    return new StreamableFile(file.body, { type: file.contentType, disposition: attachmentDisposition(file.fileName, file.asciiName) });
  }

  @Get('integrity')
  @Roles('leader', 'admin')
  @ApiOperation({ summary: 'SM3 chain of the whole log in position order, heads compared, with the verified hash range' })
  @ApiOkResponse({ type: AuditIntegrityReportDto })
  integrity(@CurrentActor() actor: Actor): Promise<IntegrityReport> {
    return this.audit.logIntegrity(actor);
  }

  @Get('access-log')
  @Roles('leader', 'admin')
  @ApiOperation({
    summary: 'Reads of personal data, case reads and dossier exports, newest first; filter by reader, subject, case, period',
  })
  @ApiOkResponse({ type: AuditAccessLogPageDto })
  async accessLog(
    @Query() q: AccessLogQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ total: number; limit: number; offset: number; rows: AccessLogRow[] }> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const { total, rows } = await this.audit.accessLog(actor, {
      limit,
      offset,
      ...(q.readerId ? { readerId: q.readerId } : {}),
      ...(q.subjectId ? { subjectId: q.subjectId } : {}),
      ...(q.caseStream ? { caseStream: q.caseStream } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    return { total, limit, offset, rows };
  }
}
