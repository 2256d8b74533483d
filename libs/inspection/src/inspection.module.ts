import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ExportLedgerHandler,
  FindingHistoryHandler,
  FindingRequestHandler,
  GetFindingHandler,
  GetVisitHandler,
  InspectionAccess,
  InspectionReadModels,
  LedgerCountsHandler,
  LedgerHandler,
  ListFindingsHandler,
  ListVisitsHandler,
  VisitRequestHandler,
} from './application';
import { EvidenceController, FindingStepsController, FindingsController, LedgersController, VisitsController } from './http';

/** One message and one handler per aggregate: the visit's and the finding's application services. */
const COMMAND_HANDLERS = [VisitRequestHandler, FindingRequestHandler];
const QUERY_HANDLERS = [
  ListFindingsHandler,
  GetFindingHandler,
  FindingHistoryHandler,
  LedgerHandler,
  LedgerCountsHandler,
  ListVisitsHandler,
  GetVisitHandler,
  ExportLedgerHandler,
];

/**
 * The inspection context in the API (检查 · 问题 · 整改台账): visits, findings and their
 * rectification loop, ledgers, exports and counts. Needs the platform's global providers and
 * the AuthModule (AccessPolicy, Jurisdiction); its projections, sender and workflows run in the worker
 * (`INSPECTION_WORKER`).
 */
@Module({
  imports: [CqrsModule],
  controllers: [VisitsController, FindingStepsController, FindingsController, LedgersController, EvidenceController],
  providers: [InspectionAccess, InspectionReadModels, ...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class InspectionModule {}
