import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Jurisdiction, Public } from '@bihuan/auth';
import { DrawDocument } from '../application/draw-document';
import { PublicCreditPage } from '../domain/archive/credit-views';
import { creditError } from '../domain/credit-errors';
import { CreditQueries } from '../read-models/credit.queries';
import { PublicCreditPageDto } from './credit-archive.response';
import { CreditDrawDocumentDto } from './draw.response';

/** Unauthenticated reads: the public credit page and published draws (一公开). */
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
  @ApiOperation({ summary: 'A published draw: seed, inputs, algorithm and result, to re-run drawInspections' })
  @ApiOkResponse({ type: CreditDrawDocumentDto })
  async draw(@Param('drawId') drawId: string): Promise<DrawDocument> {
    const doc = await this.queries.draw(drawId);
    if (!doc || doc.status !== 'published') throw creditError('DRAW_NOT_FOUND', `no published draw ${drawId}`);
    return doc;
  }
}
