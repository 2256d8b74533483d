import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InspectorConflictHandler, RunCreditArchiveHandler } from './application/credit-archive.handler';
import { CreditCommandRunner } from './application/credit-command-runner';
import { RequestRandomDrawHandler } from './application/request-random-draw.handler';
import { CreditArchivesController } from './http/credit-archives.controller';
import { DrawsController } from './http/draws.controller';
import { PublicCreditController } from './http/public-credit.controller';
import { CreditQueries } from './read-models/credit.queries';

/** The credit context in the API: archives, levels, lists, conflicts, draws and the public page. */
@Module({
  imports: [CqrsModule],
  controllers: [CreditArchivesController, DrawsController, PublicCreditController],
  providers: [CreditCommandRunner, CreditQueries, RunCreditArchiveHandler, InspectorConflictHandler, RequestRandomDrawHandler],
})
export class CreditModule {}
