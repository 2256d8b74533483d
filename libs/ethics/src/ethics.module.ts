import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EthicsArchiveHandler } from './application/ethics-archive.handler';
import { EthicsEvaluationHandler } from './application/ethics-evaluation.handler';
import { EthicsExportService } from './application/ethics-export.service';
import { EthicsResultsHandler } from './application/ethics-results.handler';
import { EthicsStaffDirectoryModule } from './application/ethics-staff-directory';
import { EthicsArchivesController } from './http/ethics-archives.controller';
import { EthicsEvaluationsController } from './http/ethics-evaluations.controller';
import { EthicsQueries } from './read-models/ethics.queries';

/** The ethics context in the API: archives, records, evaluations, results and their export. */
@Module({
  imports: [CqrsModule, EthicsStaffDirectoryModule],
  controllers: [EthicsArchivesController, EthicsEvaluationsController],
  providers: [EthicsQueries, EthicsExportService, EthicsArchiveHandler, EthicsEvaluationHandler, EthicsResultsHandler],
})
export class EthicsModule {}
