import { CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, Roles } from '@bihuan/auth';
import { Actor, EvidenceFile } from '@bihuan/core';
import { CreditArchiveAction, CreditArchiveRequest } from '../application/credit-archive.handler';
import { CreditView, VisibleListEntry } from '../domain/archive/credit-views';
import { creditError } from '../domain/credit-errors';
import { CreditQueries, VisibleCreditLevel } from '../read-models/credit.queries';
import { CreditArchiveViewDto, CreditLevelDto, CreditLevelListDto } from './credit-archive.response';
import {
  AddCreditPointsDto,
  AddListEntryDto,
  OpenCreditArchiveDto,
  PledgeCommitmentDto,
  CreditReasonDto,
  RecordInformationDto,
  ReportBreachDto,
} from './credit-archive.dto';

const READERS = ['hospital', 'inspector', 'leader', 'admin', 'partner'] as const;

/** 信用档案: points, commitments, information, red/black lists, cycles; reads by role (creditViewFor). */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('credit/archives')
export class CreditArchivesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  private run(actor: Actor, institutionId: string, action: CreditArchiveAction): Promise<CommandReceipt> {
    return this.commands.execute(new CreditArchiveRequest(actor, institutionId, action));
  }

  @Post()
  @Roles('inspector', 'admin')
  @ApiOperation({ summary: 'Open an institution’s credit archive (first 校验期 and its end as a deadline)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  open(@CurrentActor() actor: Actor, @Body() body: OpenCreditArchiveDto): Promise<CommandReceipt> {
    const { institutionId, ...data } = body;
    return this.run(actor, institutionId, { kind: 'OpenCreditArchive', data });
  }

  @Get()
  @Roles('inspector', 'leader', 'admin', 'partner')
  @ApiQuery({ name: 'jurisdiction', required: false })
  @ApiOperation({
    summary:
      'Credit levels and active 红/黑名单 entries (black: partners only) of the institutions the caller may read (optionally under one unit)',
  })
  @ApiOkResponse({ type: CreditLevelListDto })
  async levels(
    @CurrentActor() actor: Actor,
    @Query('jurisdiction') jurisdiction?: string,
  ): Promise<{ levels: VisibleCreditLevel[]; listEntries: VisibleListEntry[] }> {
    const policy = await this.queries.policy();
    const now = this.queries.now();
    const visible = this.access
      .visibleInstitutions(actor)
      .filter((id) => !jurisdiction || this.access.jurisdiction.contains(jurisdiction, id));
    const [levels, listEntries] = await Promise.all([
      this.queries.levels(actor.role, visible, now, policy),
      this.queries.listEntries(actor.role, visible),
    ]);
    return { levels, listEntries };
  }

  @Get(':institutionId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The archive as the caller’s role may see it (blacklist only for partner), its level and its files' })
  @ApiOkResponse({ type: CreditArchiveViewDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
  ): Promise<CreditView & { level: VisibleCreditLevel; files: EvidenceFile[] }> {
    this.access.assertInScope(actor, institutionId, 'the credit archive');
    const policy = await this.queries.policy();
    const now = this.queries.now();
    const view = await this.queries.view(actor.role, institutionId, now, policy);
    if (!view) throw creditError('ARCHIVE_NOT_FOUND', `no credit archive for ${institutionId}`);
    const [level, files] = await Promise.all([
      this.queries.level(actor.role, institutionId, now, policy),
      this.queries.files(institutionId),
    ]);
    return { ...view, level, files };
  }

  @Get(':institutionId/level')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Credit level A/B/C/D as of now (creditLevel)' })
  @ApiOkResponse({ type: CreditLevelDto })
  async level(@CurrentActor() actor: Actor, @Param('institutionId') institutionId: string): Promise<VisibleCreditLevel> {
    this.access.assertInScope(actor, institutionId, 'the credit archive');
    return this.queries.level(actor.role, institutionId, this.queries.now(), await this.queries.policy());
  }

  @Post(':institutionId/points')
  @Roles('inspector')
  @ApiOperation({ summary: '不良执业行为记分: points for a behaviour code; thresholds impose measures' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  points(@CurrentActor() actor: Actor, @Param('institutionId') id: string, @Body() body: AddCreditPointsDto): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'AddCreditPoints', data: body });
  }

  @Post(':institutionId/points/:pointsId/revoke')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOperation({ summary: 'Revoke a points entry (measures already imposed stand)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('institutionId') id: string,
    @Param('pointsId') pointsId: string,
    @Body() body: CreditReasonDto,
  ): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'RevokeCreditPoints', data: { pointsId, reason: body.reason } });
  }

  @Post(':institutionId/commitments')
  @Roles('hospital', 'inspector', 'admin')
  @ApiOperation({
    summary:
      '信用承诺: an institution, staff or no-red-envelope pledge, or a supplier agreement (廉洁诚信协议: supplier with its 统一社会信用代码, term, signed file attached first)',
  })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  pledge(@CurrentActor() actor: Actor, @Param('institutionId') id: string, @Body() body: PledgeCommitmentDto): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'PledgeCommitment', data: body });
  }

  @Post(':institutionId/commitments/:commitmentId/breaches')
  @Roles('inspector', 'leader')
  @ApiOperation({ summary: 'Report a breached commitment (a saga records it as adverse information)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  breach(
    @CurrentActor() actor: Actor,
    @Param('institutionId') id: string,
    @Param('commitmentId') commitmentId: string,
    @Body() body: ReportBreachDto,
  ): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'ReportCommitmentBreach', data: { ...body, commitmentId } });
  }

  @Post(':institutionId/information')
  @Roles('inspector', 'admin')
  @ApiOperation({ summary: 'Record credit information of class basic / adverse / blacklist' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  information(
    @CurrentActor() actor: Actor,
    @Param('institutionId') id: string,
    @Body() body: RecordInformationDto,
  ): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'RecordCreditInformation', data: body });
  }

  @Post(':institutionId/lists')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: '红/黑名单 entry; it expires at expiresAt by a deadline timer' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  list(@CurrentActor() actor: Actor, @Param('institutionId') id: string, @Body() body: AddListEntryDto): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'AddListEntry', data: body });
  }

  @Post(':institutionId/lists/:entryId/remove')
  @HttpCode(200)
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'Take an entry off its list early' })
  @ApiOkResponse({ type: CommandReceiptDto })
  unlist(
    @CurrentActor() actor: Actor,
    @Param('institutionId') id: string,
    @Param('entryId') entryId: string,
    @Body() body: CreditReasonDto,
  ): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'RemoveListEntry', data: { entryId, reason: body.reason } });
  }

  @Post(':institutionId/cycles/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Close the current 校验期 early and open the next (points reset)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  closeCycle(@CurrentActor() actor: Actor, @Param('institutionId') id: string, @Body() body: CreditReasonDto): Promise<CommandReceipt> {
    return this.run(actor, id, { kind: 'CloseCreditCycle', data: { reason: body.reason } });
  }
}
