import { CommandReceipt, CommandReceiptDto, FileUpload, StagedFile, StagedUpload } from '@bihuan/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, readerOf, Roles } from '@bihuan/auth';
import { Actor, assertReadGranted } from '@bihuan/core';
import { EthicsArchiveRequest } from '../application/ethics-archive.handler';
import { ethicsError } from '../domain/ethics-errors';
import { ethicsArchiveVisibility } from '../domain/ethics-visibility';
import { EthicsArchiveRow, EthicsFileRow, EthicsQueries, EthicsRecordRow } from '../read-models/ethics.queries';
import { EthicsArchiveDetailDto, EthicsArchiveListDto } from './ethics-archive.response';
import { AddEthicsRecordDto, AttachEthicsEvidenceDto, OpenEthicsArchiveDto, RetractEthicsRecordDto } from './ethics-archive.dto';

/** 医德档案: one archive per staff member, records from inspections, complaints, commendations … */
@ApiTags('ethics')
@ApiBearerAuth()
@Controller('ethics/archives')
export class EthicsArchivesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: EthicsQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post()
  @Roles('hospital', 'admin')
  @ApiOperation({ summary: 'Open the ethics archive of a staff member of an institution' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  open(@CurrentActor() actor: Actor, @Body() body: OpenEthicsArchiveDto): Promise<CommandReceipt> {
    const { staffId, ...data } = body;
    return this.commands.execute(new EthicsArchiveRequest(actor, staffId, { kind: 'OpenEthicsArchive', data }));
  }

  @Get()
  @Roles('hospital', 'inspector', 'leader', 'admin')
  @ApiQuery({ name: 'institutionId', required: false })
  @ApiOperation({ summary: 'Archives the caller may read, optionally of one institution' })
  @ApiOkResponse({ type: EthicsArchiveListDto })
  async list(@CurrentActor() actor: Actor, @Query('institutionId') institutionId?: string): Promise<{ archives: EthicsArchiveRow[] }> {
    const visible = this.access.visibleInstitutions(actor);
    return { archives: await this.queries.archivesOf(institutionId ? visible.filter((id) => id === institutionId) : visible) };
  }

  @Get(':staffId')
  @Roles('hospital', 'inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'A staff member’s archive with its records (retracted ones flagged) and the files they cite' })
  @ApiOkResponse({ type: EthicsArchiveDetailDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('staffId') staffId: string,
  ): Promise<EthicsArchiveRow & { records: EthicsRecordRow[]; files: EthicsFileRow[] }> {
    const archive = await this.queries.archive(staffId);
    if (!archive) throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
    const decision = ethicsArchiveVisibility.decide(readerOf(this.access, actor), { institutionId: archive.institutionId });
    assertReadGranted(decision, () => ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`));
    const [records, files] = await Promise.all([this.queries.records(staffId), this.queries.files(staffId)]);
    return { ...archive, records, files };
  }

  @Post(':staffId/records')
  @Roles('hospital', 'inspector')
  @ApiOperation({ summary: 'Add a record (hospital: own staff; inspector: within jurisdiction)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  add(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Body() body: AddEthicsRecordDto): Promise<CommandReceipt> {
    return this.commands.execute(
      new EthicsArchiveRequest(actor, staffId, { kind: 'AddEthicsRecord', data: { ...body, source: { ...body.source } } }),
    );
  }

  @Post(':staffId/evidence')
  @HttpCode(200)
  @Roles('hospital', 'inspector')
  @FileUpload({
    mode: 'streamed',
    use: 'ethics',
    fields: {
      institutionId: { type: 'string', maxLength: 64, description: 'The institution the staff member works at' },
      note: { type: 'string', maxLength: 1000 },
    },
    required: ['institutionId'],
  })
  @ApiOperation({
    summary:
      '上传材料 for the archive’s records, which then cite it by its SM3 digest (hospital: own staff; inspector: within jurisdiction)',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  attach(
    @CurrentActor() actor: Actor,
    @Param('staffId') staffId: string,
    @StagedUpload() staged: StagedFile,
    @Body() body: AttachEthicsEvidenceDto,
  ): Promise<CommandReceipt> {
    return this.commands.execute(
      new EthicsArchiveRequest(actor, staffId, {
        kind: 'AttachEvidence',
        data: { institutionId: body.institutionId, staged, note: body.note ?? null },
      }),
    );
  }

  @Post(':staffId/records/:recordId/retract')
  @HttpCode(200)
  @Roles('hospital', 'inspector')
  @ApiOperation({ summary: 'Take a record off the reckoning (it stays on the record)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  retract(
    @CurrentActor() actor: Actor,
    @Param('staffId') staffId: string,
    @Param('recordId') recordId: string,
    @Body() body: RetractEthicsRecordDto,
  ): Promise<CommandReceipt> {
    return this.commands.execute(
      new EthicsArchiveRequest(actor, staffId, { kind: 'RetractEthicsRecord', data: { recordId, reason: body.reason } }),
    );
  }
}
