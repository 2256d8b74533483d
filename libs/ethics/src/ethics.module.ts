import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EthicsArchiveHandler } from './application/ethics-archive.handler';
import { EthicsEvaluationHandler } from './application/ethics-evaluation.handler';
import { EthicsExportService } from './application/ethics-export.service';
import { EthicsResultsHandler } from './application/ethics-results.handler';
import { EthicsStaffDirectoryModule } from './application/ethics-staff-directory';
import { EthicsArchivesController } from './http/ethics-archives.controller';
import { EthicsEvaluationsController } from './http/ethics-evaluations.controller';
import { EthicsListsController } from './http/ethics-lists.controller';
import { PublicHonourRollController } from './http/public-honour-roll.controller';
import { EthicsQueries } from './read-models/ethics.queries';
import { StaffListQueries } from './read-models/staff-lists.queries';

/** The ethics context in the API: archives, records, 红黑榜, evaluations, results and their export. */
@Module({
  imports: [CqrsModule, EthicsStaffDirectoryModule],
  controllers: [EthicsArchivesController, EthicsListsController, EthicsEvaluationsController, PublicHonourRollController],
  providers: [EthicsQueries, StaffListQueries, EthicsExportService, EthicsArchiveHandler, EthicsEvaluationHandler, EthicsResultsHandler],
})
export class EthicsModule {}
