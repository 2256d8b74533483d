import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddEthicsRecordHandler, OpenEthicsArchiveHandler, RetractEthicsRecordHandler } from './application/ethics-archive.handlers';
import { EthicsCommandRunner } from './application/ethics-command-runner';
import { EthicsEvaluationStepHandler, OpenEthicsEvaluationHandler, ScoreEthicsEvaluationHandler } from './application/ethics-evaluation.handlers';
import { EthicsExportService } from './application/ethics-export.service';
import { EthicsStaffDirectoryModule } from './application/ethics-staff-directory';
import { FinaliseEthicsResultsHandler } from './application/finalise-ethics-results.handler';
import { EthicsArchivesController } from './http/ethics-archives.controller';
import { EthicsEvaluationsController } from './http/ethics-evaluations.controller';
import { EthicsQueries } from './read-models/ethics.queries';

/** The ethics context in the API: archives, records, evaluations, results and their export. */
@Module({
  imports: [CqrsModule, EthicsStaffDirectoryModule],
  controllers: [EthicsArchivesController, EthicsEvaluationsController],
  providers: [
    EthicsCommandRunner,
    EthicsQueries,
    EthicsExportService,
    OpenEthicsArchiveHandler,
    AddEthicsRecordHandler,
    RetractEthicsRecordHandler,
    OpenEthicsEvaluationHandler,
    EthicsEvaluationStepHandler,
    ScoreEthicsEvaluationHandler,
    FinaliseEthicsResultsHandler,
  ],
})
export class EthicsModule {}
