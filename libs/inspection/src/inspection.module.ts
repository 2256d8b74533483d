import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ApproveExtensionHandler, CancelVisitHandler, DenyExtensionHandler, ExportLedgerHandler, FindingHistoryHandler, GetFindingHandler,
  GetVisitHandler, InspectionContext, InspectionReadModels, IssueNoticeHandler, LedgerCountsHandler, LedgerHandler, ListFindingsHandler,
  ListVisitsHandler, OpenFindingHandler, PlanVisitHandler, RecordRecheckHandler, RecordVisitHandler, RejectSignOffHandler,
  ReportProgressHandler, RequestExtensionHandler, RequestSignOffHandler, SignOffHandler, SubmitPlanHandler, WithdrawFindingHandler,
} from './application';
import { FindingStepsController, FindingsController, LedgersController, VisitsController } from './http';

const COMMAND_HANDLERS = [
  PlanVisitHandler, RecordVisitHandler, CancelVisitHandler, OpenFindingHandler, IssueNoticeHandler, SubmitPlanHandler,
  ReportProgressHandler, RequestSignOffHandler, SignOffHandler, RejectSignOffHandler, RequestExtensionHandler,
  ApproveExtensionHandler, DenyExtensionHandler, RecordRecheckHandler, WithdrawFindingHandler,
];
const QUERY_HANDLERS = [
  ListFindingsHandler, GetFindingHandler, FindingHistoryHandler, LedgerHandler, LedgerCountsHandler, ListVisitsHandler,
  GetVisitHandler, ExportLedgerHandler,
];

/**
 * The inspection context in the API (检查 · 问题 · 整改台账): visits, findings and their
 * rectification loop, ledgers, exports and counts. Needs the platform's global providers and
 * the AuthModule (AccessPolicy, Jurisdiction); its projections and senders run in the worker
 * (`INSPECTION_WORKER`).
 */
@Module({
  imports: [CqrsModule],
  controllers: [VisitsController, FindingStepsController, FindingsController, LedgersController],
  providers: [InspectionContext, InspectionReadModels, ...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class InspectionModule {}
