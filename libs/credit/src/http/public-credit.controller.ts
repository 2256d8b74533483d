import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Jurisdiction, Public } from '@bihuan/auth';
import { PublicDrawDocument } from '../application/draw-document';
import { PublicCreditPage } from '../domain/archive/credit-views';
import { creditError } from '../domain/credit-errors';
import { CreditQueries } from '../read-models/credit.queries';
import { PublicCreditPageDto } from './credit-archive.response';
import { CreditPublicDrawDto } from './draw.response';

/** Unauthenticated reads: the public credit page and draws as the public may see them (一公开). */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicCreditController {
  constructor(
    private readonly queries: CreditQueries,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Get('institutions/:institutionId/credit')
  @ApiOperation({ summary: 'Public credit information: basic, adverse within 5 years, red list — never the blacklist' })
  @ApiOkResponse({ type: PublicCreditPageDto })
  async credit(@Param('institutionId') institutionId: string): Promise<PublicCreditPage> {
    const unit = this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    const now = this.queries.now();
    // Always the anonymous view, whoever calls: a token on a public route changes nothing here.
    const view = await this.queries.view('anonymous', institutionId, now, await this.queries.policy());
    const items = view?.items ?? [];
    return {
      institution: { id: unit.id, name: unit.name },
      asOf: now,
      basic: items.filter((i) => i.infoClass === 'basic' && i.kind !== 'red-list'),
      adverse: items.filter((i) => i.infoClass === 'adverse'),
      redList: items.filter((i) => i.kind === 'red-list'),
    };
  }

  @Get('draws/:drawId')
  @ApiOperation({
    summary:
      'A draw (一公开): its commitment (SM3 of the seed and of the inputs) at once; the seed, inputs and institutions drawn once every drawn visit is done — never the inspectors',
  })
  @ApiOkResponse({ type: CreditPublicDrawDto })
  async draw(@Param('drawId') drawId: string): Promise<PublicDrawDocument> {
    const doc = await this.queries.publicDraw(drawId);
    if (!doc) throw creditError('DRAW_NOT_FOUND', `no published draw ${drawId}`);
    return doc;
  }
}
