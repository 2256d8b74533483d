import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { PublishedDraw, RandomDrawRequest } from '../application/random-draw.handler';
import { DrawDocument } from '../application/draw-document';
import { creditError } from '../domain/credit-errors';
import { CreditQueries, DrawListRow } from '../read-models/credit.queries';
import { RequestDrawDto } from './draw.dto';
import { CreditDrawDocumentDto, CreditDrawListDto, CreditPublishedDrawDto } from './draw.response';

/** 双随机、一公开: draws weighted by credit level, inspectors' conflicts of interest (the directory's) excluded. */
@ApiTags('credit')
@ApiBearerAuth()
@Controller()
export class DrawsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('draws')
  @Roles('inspector', 'leader')
  @ApiOperation({ summary: 'Draw institutions (weighted by credit level) and inspectors; record seed and inputs; publish' })
  @ApiCreatedResponse({ type: CreditPublishedDrawDto })
  draw(@CurrentActor() actor: Actor, @Body() body: RequestDrawDto): Promise<PublishedDraw> {
    return this.commands.execute(new RandomDrawRequest(actor, { kind: 'RequestRandomDraw', data: body }));
  }

  @Get('draws')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'Draws of the caller’s jurisdiction, newest first' })
  @ApiOkResponse({ type: CreditDrawListDto })
  async list(@CurrentActor() actor: Actor): Promise<{ draws: DrawListRow[] }> {
    const units = this.access.jurisdiction.subtree(actor.unit).map((u) => u.id);
    return { draws: await this.queries.draws(units) };
  }

  @Get('draws/:drawId')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'A draw with its seed, inputs and result (also while not yet published)' })
  @ApiOkResponse({ type: CreditDrawDocumentDto })
  async get(@CurrentActor() actor: Actor, @Param('drawId') drawId: string): Promise<DrawDocument> {
    const doc = await this.queries.draw(drawId);
    if (!doc) throw creditError('DRAW_NOT_FOUND', `no draw ${drawId}`);
    this.access.assertInScope(actor, doc.jurisdiction, 'random draws');
    return doc;
  }
}
