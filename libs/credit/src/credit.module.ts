import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicantIdentifiers } from './application/applicant-identifiers';
import { CreditArchiveHandler } from './application/credit-archive.handler';
import { CreditSubjectHandler } from './application/credit-subject.handler';
import { RandomDrawHandler } from './application/random-draw.handler';
import { CreditArchivesController } from './http/credit-archives.controller';
import { CreditChecksController } from './http/credit-checks.controller';
import { CreditCommendationsController } from './http/credit-commendations.controller';
import { CreditEvidenceController } from './http/credit-evidence.controller';
import { DrawsController } from './http/draws.controller';
import { PublicCreditController } from './http/public-credit.controller';
import { PublicInstitutionsController } from './http/public-institutions.controller';
import { ApplicantCreditQueries } from './read-models/applicant-credit.queries';
import { CreditQueries } from './read-models/credit.queries';

/**
 * The credit context in the API: archives, levels, lists, applicants' credit checks, draws and the
 * public page. Applicant checks seal and look up persons with the privacy lib's global providers.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreditArchivesController,
    CreditChecksController,
    CreditEvidenceController,
    CreditCommendationsController,
    DrawsController,
    PublicCreditController,
    PublicInstitutionsController,
  ],
  providers: [CreditQueries, ApplicantCreditQueries, ApplicantIdentifiers, CreditArchiveHandler, CreditSubjectHandler, RandomDrawHandler],
  exports: [CreditQueries],
})
export class CreditModule {}
