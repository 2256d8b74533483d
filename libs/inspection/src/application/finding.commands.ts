import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { RecheckOutcome } from '../domain';
import { CommandAck } from './inspection-context';

/** One step on an existing finding (ledger row) by an authenticated actor. */
abstract class FindingStep<D> extends Command<CommandAck> {
  constructor(readonly actor: Actor, readonly findingId: string, readonly data: D) {
    super();
  }
}

/** 整改通知书: the deadline is computed (policy × calendar) unless the inspector names `dueDate`. */
export class IssueNoticeCommand extends FindingStep<{ noticeNo?: string; requirements?: string; dueDate?: string }> {}
export class SubmitPlanCommand extends FindingStep<{ measures: string; responsibleDepartment?: string; responsiblePerson?: string; plannedCompletion?: string }> {}
export class ReportProgressCommand extends FindingStep<{ summary: string; evidence?: string[]; percentComplete?: number }> {}
export class RequestSignOffCommand extends FindingStep<{ summary: string; evidence?: string[] }> {}
/** 销号; a re-check (回头看) is scheduled when the severity requires it, or on request (`recheck` / `recheckDueDate`). */
export class SignOffCommand extends FindingStep<{ comment?: string; recheck?: boolean; recheckDueDate?: string }> {}
export class RejectSignOffCommand extends FindingStep<{ reasons: string[] }> {}
export class RequestExtensionCommand extends FindingStep<{ reason: string; requestedDueAt: string }> {}
/** Grants `workingDays` more (from the current due date, or now if later), or until `dueDate`, or else what was asked. */
export class ApproveExtensionCommand extends FindingStep<{ extensionId: string; workingDays?: number; dueDate?: string; comment?: string }> {}
export class DenyExtensionCommand extends FindingStep<{ extensionId: string; reason: string }> {}
/** 回头看: `reopened` starts a new round with a computed deadline (or `dueDate`). */
export class RecordRecheckCommand extends FindingStep<{ outcome: RecheckOutcome; notes: string; evidence?: string[]; dueDate?: string }> {}
export class WithdrawFindingCommand extends FindingStep<{ reason: string }> {}
