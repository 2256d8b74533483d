import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreditArchiveHandler } from './application/credit-archive.handler';
import { RandomDrawHandler } from './application/random-draw.handler';
import { CreditArchivesController } from './http/credit-archives.controller';
import { CreditCommendationsController } from './http/credit-commendations.controller';
import { CreditEvidenceController } from './http/credit-evidence.controller';
import { DrawsController } from './http/draws.controller';
import { PublicCreditController } from './http/public-credit.controller';
import { PublicInstitutionsController } from './http/public-institutions.controller';
import { CreditQueries } from './read-models/credit.queries';

/** The credit context in the API: archives, levels, lists, draws and the public page. */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreditArchivesController,
    CreditEvidenceController,
    CreditCommendationsController,
    DrawsController,
    PublicCreditController,
    PublicInstitutionsController,
  ],
  providers: [CreditQueries, CreditArchiveHandler, RandomDrawHandler],
  exports: [CreditQueries],
})
export class CreditModule {}
