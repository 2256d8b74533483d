import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, DRAW_ROLES, readerOf, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { DrawAnswer } from '../application/draw-document';
import { RandomDrawRequest } from '../application/random-draw.handler';
import { CreditQueries, DrawListRow } from '../read-models/credit.queries';
import { RequestDrawDto } from './draw.dto';
import { CreditDrawAnswerDto, CreditDrawListDto } from './draw.response';

/**
 * 双随机、一公开: draws weighted by credit level, inspectors' conflicts of interest (the directory's)
 * excluded, committed to their seed before drawing and revealed once their visits are done (ADR 0018).
 */
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
  @Roles(...DRAW_ROLES)
  @ApiOperation({
    summary: 'Commit to a draw (inputs and the SM3 digest of a secret seed, public at once); the draw is then made from the committed seed',
  })
  @ApiCreatedResponse({ type: CreditDrawAnswerDto })
  draw(@CurrentActor() actor: Actor, @Body() body: RequestDrawDto): Promise<DrawAnswer> {
    return this.commands.execute(new RandomDrawRequest(actor, { kind: 'CommitRandomDraw', data: body }));
  }

  @Post('draws/:drawId/reveal')
  @HttpCode(200)
  @Roles(...DRAW_ROLES)
  @ApiOperation({
    summary: 'Reveal the seed (一公开) once every drawn visit was conducted or cancelled (409 CREDIT.DRAW_VISITS_PENDING before)',
  })
  @ApiOkResponse({ type: CreditDrawAnswerDto })
  reveal(@CurrentActor() actor: Actor, @Param('drawId') drawId: string): Promise<DrawAnswer> {
    return this.commands.execute(new RandomDrawRequest(actor, { kind: 'RevealRandomDraw', data: { drawId } }));
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
  @ApiOperation({
    summary: 'A draw: inputs, commitment and result; the seed once revealed; other inspectors’ conflicts only for leaders and admins',
  })
  @ApiOkResponse({ type: CreditDrawAnswerDto })
  get(@CurrentActor() actor: Actor, @Param('drawId') drawId: string): Promise<DrawAnswer> {
    return this.queries.drawFor(readerOf(this.access, actor), drawId);
  }
}
