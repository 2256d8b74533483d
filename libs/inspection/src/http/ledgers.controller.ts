import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { ApiFileResponse, attachmentDisposition, CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '@bihuan/platform';
import { ExportLedgerQuery, LedgerCountsQuery, LedgerFile, LedgerQuery, LedgerScope } from '../application';
import { CountsQueryDto, ExportQueryDto } from './query.dto';
import { InspectionLedgerCountsDto, InspectionLedgerDto } from './ledger.response';
import { READ_ROLES } from './visits.controller';

/** The part of Express's response the file download needs (no @types/express here). */
interface Response {
  setHeader(name: string, value: string): unknown;
  status(code: number): { end(body: Buffer): unknown };
}

function sendFile(res: Response, file: LedgerFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', attachmentDisposition(file.utf8Name, file.asciiName));
  res.setHeader('Content-Length', String(file.body.length));
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).end(file.body);
}

/** Rectification ledgers (整改台账) per institution and per visit, their exports, and counts for leaders. */
@ApiTags('inspection: ledgers')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgersController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('counts')
  @Roles('leader', 'inspector', 'admin')
  @ApiOperation({
    summary: "Counts by institution / status / category / severity / escalation rung, with overdue, within the caller's jurisdiction",
  })
  @ApiOkResponse({ type: InspectionLedgerCountsDto })
  counts(@CurrentActor() actor: Actor, @Query() q: CountsQueryDto) {
    const { cursor: _cursor, pageSize: _size, ...filter } = q;
    return this.queries.execute(new LedgerCountsQuery(actor, filter));
  }

  @Get('institutions/:institutionId')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "An institution's ledger: rows (序号 1…n) and summary (total, signedOff, overdue, closed)" })
  @ApiOkResponse({ type: InspectionLedgerDto })
  institution(@CurrentActor() actor: Actor, @Param('institutionId') institutionId: string) {
    return this.queries.execute(new LedgerQuery(actor, { institutionId }));
  }

  @Get('institutions/:institutionId/export')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "The institution's ledger as XLSX (default) or CSV (UTF-8 with BOM); dates in Asia/Shanghai" })
  @ApiFileResponse([XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE], 'The ledger file (?format=xlsx, the default, or csv)')
  async exportInstitution(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ) {
    await this.export(actor, { institutionId }, q, res);
  }

  @Get('visits/:visitId')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "A visit's ledger: rows and summary (closed when every row is signed off or withdrawn)" })
  @ApiOkResponse({ type: InspectionLedgerDto })
  visit(@CurrentActor() actor: Actor, @Param('visitId') visitId: string) {
    return this.queries.execute(new LedgerQuery(actor, { visitId }));
  }

  @Get('visits/:visitId/export')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "The visit's ledger as XLSX (default) or CSV" })
  @ApiFileResponse([XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE], 'The ledger file (?format=xlsx, the default, or csv)')
  async exportVisit(@CurrentActor() actor: Actor, @Param('visitId') visitId: string, @Query() q: ExportQueryDto, @Res() res: Response) {
    await this.export(actor, { visitId }, q, res);
  }

  private async export(actor: Actor, scope: LedgerScope, q: ExportQueryDto, res: Response): Promise<void> {
    sendFile(res, await this.queries.execute(new ExportLedgerQuery(actor, scope, q.format ?? 'xlsx')));
  }
}
