import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertStaffBelongsTo, StaffDirectory } from '@bihuan/auth';
import { complaintDeadlineId, ComplaintTicketState, isAssigned, pausedDeadlines, runningDeadlines } from '../domain/complaint-ticket.state';
import {
  AcknowledgeComplaintCommand,
  AnswerComplaintCommand,
  ApproveExtensionCommand,
  AwaitComplainantCommand,
  DecideComplaintCommand,
  DenyExtensionCommand,
  RecordComplainantReplyCommand,
  RecordInvestigationNoteCommand,
  RequestExtensionCommand,
  ReturnComplaintCommand,
} from './complaints.commands';
import { extendedTerms, remainingWorkingMs, resumeTerms } from './complaint-terms';
import { CommandBody, TicketCommandResult, TicketCommandRunner, TicketContext } from './ticket-command.runner';

/** 签收 · 退单 · 调查 · 处理意见 · 反馈 · 延期 · 停表: the institution's steps (and their approvals). */

@CommandHandler(AcknowledgeComplaintCommand)
export class AcknowledgeComplaintHandler implements ICommandHandler<AcknowledgeComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: AcknowledgeComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'AcknowledgeComplaint', data: {} }));
  }
}

@CommandHandler(ReturnComplaintCommand)
export class ReturnComplaintHandler implements ICommandHandler<ReturnComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: ReturnComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'ReturnComplaint', data: { reason: c.reason } }));
  }
}

@CommandHandler(RecordInvestigationNoteCommand)
export class RecordInvestigationNoteHandler implements ICommandHandler<RecordInvestigationNoteCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: RecordInvestigationNoteCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'RecordInvestigationNote', data: { note: c.note } }));
  }
}

/**
 * 处理意见. The implicated staff member must be on the staff of the institution the ticket is
 * assigned to (assertStaffBelongsTo), checked on the state decided on — the consequence sagas act
 * on this decision later, in that person's ethics archive.
 */
@CommandHandler(DecideComplaintCommand)
export class DecideComplaintHandler implements ICommandHandler<DecideComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner, @Inject(StaffDirectory) private readonly staff: StaffDirectory) {}
  async execute(c: DecideComplaintCommand): Promise<TicketCommandResult> {
    const staffId = c.implicatedStaffId;
    const owner = staffId ? await this.staff.institutionOf(staffId) : null;
    return this.runner.run(c.ticketId, c.actor, (state) => {
      if (staffId && isAssigned(state)) assertStaffBelongsTo(staffId, owner, state.assignment.institutionId, 'implicatedStaffId');
      return { type: 'DecideComplaint', data: { decision: c.decision, findings: c.findings, implicatedStaffId: staffId } };
    });
  }
}

@CommandHandler(AnswerComplaintCommand)
export class AnswerComplaintHandler implements ICommandHandler<AnswerComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: AnswerComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'AnswerComplaint', data: { answer: c.answer } }));
  }
}

@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<RequestExtensionCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: RequestExtensionCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'RequestExtension', data: { reason: c.reason } }));
  }
}

/** 延期批准: the running answer deadline moves `extraWorkingDays` past its current due date. */
@CommandHandler(ApproveExtensionCommand)
export class ApproveExtensionHandler implements ICommandHandler<ApproveExtensionCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: ApproveExtensionCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, (state, { now, policy, calendar }) => {
      const current = state.status === 'none' ? undefined : state.deadlines[complaintDeadlineId('answer', state.round)];
      return { type: 'ApproveExtension', data: { extended: extendedTerms(calendar, policy, current?.dueAt ?? now, c.extraWorkingDays, now), extraWorkingDays: c.extraWorkingDays } };
    });
  }
}

@CommandHandler(DenyExtensionCommand)
export class DenyExtensionHandler implements ICommandHandler<DenyExtensionCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: DenyExtensionCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'DenyExtension', data: { reason: c.reason } }));
  }
}

/** 停表: every running deadline pauses with the working milliseconds it has left now. */
export function awaitComplainantBody(reason: string) {
  return (state: ComplaintTicketState, { now, calendar }: TicketContext): CommandBody => ({
    type: 'AwaitComplainant',
    data: { reason, remainingMs: Object.fromEntries(runningDeadlines(state).map((d) => [d.deadlineId, remainingWorkingMs(calendar, d, now)])) },
  });
}

/** The complainant replied: every paused deadline runs again with the time it had left. */
export function complainantReplyBody(note: string | null) {
  return (state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody => {
    const resume = Object.fromEntries(
      pausedDeadlines(state).map((d) => {
        const startedAt = state.status === 'none' ? now : (state.deadlines[d.deadlineId]?.terms.startedAt ?? now);
        return [d.deadlineId, resumeTerms(calendar, policy, startedAt, d.remainingMs, now)];
      }),
    );
    return { type: 'RecordComplainantReply', data: { note, resume } };
  };
}

@CommandHandler(AwaitComplainantCommand)
export class AwaitComplainantHandler implements ICommandHandler<AwaitComplainantCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: AwaitComplainantCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, awaitComplainantBody(c.reason));
  }
}

@CommandHandler(RecordComplainantReplyCommand)
export class RecordComplainantReplyHandler implements ICommandHandler<RecordComplainantReplyCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: RecordComplainantReplyCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, complainantReplyBody(c.note));
  }
}
