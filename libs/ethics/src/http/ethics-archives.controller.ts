import { CommandReceipt, CommandReceiptDto, FileUpload, StagedFile, StagedUpload } from '@bihuan/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, readerOf, Roles } from '@bihuan/auth';
import { Actor, assertReadGranted } from '@bihuan/core';
import { EthicsArchiveRequest } from '../application/ethics-archive.handler';
import { ethicsError } from '../domain/ethics-errors';
import { ethicsArchiveVisibility } from '../domain/ethics-visibility';
import { staffListsSeenBy } from '../domain/archive/staff-lists';
import { EthicsFileRow, EthicsQueries, EthicsRecordRow } from '../read-models/ethics.queries';
import { StaffListEntryRow, StaffListQueries } from '../read-models/staff-lists.queries';
import { EthicsArchiveDetailDto, EthicsArchiveListDto, EthicsArchiveListed } from './ethics-archive.response';
import { AddEthicsRecordDto, AttachEthicsEvidenceDto, OpenEthicsArchiveDto, RetractEthicsRecordDto } from './ethics-archive.dto';

/** 医德档案: one archive per staff member, records from inspections, complaints, commendations … */
@ApiTags('ethics')
@ApiBearerAuth()
@Controller('ethics/archives')
export class EthicsArchivesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: EthicsQueries,
    private readonly lists: StaffListQueries,
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
  @ApiOperation({ summary: 'Archives the caller may read, optionally of one institution, each with the 红黑榜 its staff member is on' })
  @ApiOkResponse({ type: EthicsArchiveListDto })
  async list(@CurrentActor() actor: Actor, @Query('institutionId') institutionId?: string): Promise<{ archives: EthicsArchiveListed[] }> {
    const visible = this.access.visibleInstitutions(actor);
    const institutions = institutionId ? visible.filter((id) => id === institutionId) : visible;
    const [archives, on] = await Promise.all([
      this.queries.archivesOf(institutions),
      this.lists.activeLists(institutions, staffListsSeenBy(actor.role)),
    ]);
    return { archives: archives.map((a) => ({ ...a, lists: on.get(a.staffId) ?? [] })) };
  }

  @Get(':staffId')
  @Roles('hospital', 'inspector', 'leader', 'admin')
  @ApiOperation({
    summary: 'A staff member’s archive with its records (retracted ones flagged), the files they cite and its 红黑榜 entries',
  })
  @ApiOkResponse({ type: EthicsArchiveDetailDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('staffId') staffId: string,
  ): Promise<EthicsArchiveListed & { records: EthicsRecordRow[]; files: EthicsFileRow[]; listEntries: StaffListEntryRow[] }> {
    const archive = await this.queries.archive(staffId);
    if (!archive) throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
    const decision = ethicsArchiveVisibility.decide(readerOf(this.access, actor), { institutionId: archive.institutionId });
    assertReadGranted(decision, () => ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`));
    const [records, files, listEntries] = await Promise.all([
      this.queries.records(staffId),
      this.queries.files(staffId),
      this.lists.entries(staffId, staffListsSeenBy(actor.role)),
    ]);
    const lists = [...new Set(listEntries.filter((e) => e.status === 'active').map((e) => e.list))].sort().reverse();
    return { ...archive, lists, records, files, listEntries };
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
