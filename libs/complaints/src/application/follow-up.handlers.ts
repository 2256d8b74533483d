import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ErasureService } from '@bihuan/privacy';
import { complaintError } from '../domain/complaint-errors';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';
import {
  CloseComplaintCommand,
  EraseSubjectCommand,
  PublicTicketCommand,
  RecordFollowUpCommand,
  ReopenComplaintCommand,
  SuperviseComplaintCommand,
} from './complaints.commands';
import { clockTerms } from './complaint-terms';
import { complainantReplyBody } from './handling.handlers';
import { PUBLIC_ACTOR } from './intake.handlers';
import { DUMMY_SECRET_HASH, normalizeTicketCode, verifySecret } from './public-secret';
import { TicketCommandResult, TicketCommandRunner } from './ticket-command.runner';

/** 督办 · 回访 · 办结 · 重办, the complainant's own steps, and erasure. */

@CommandHandler(SuperviseComplaintCommand)
export class SuperviseComplaintHandler implements ICommandHandler<SuperviseComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: SuperviseComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, (_state, { now, policy, calendar }) => ({
      type: 'SuperviseComplaint',
      data: { reason: c.reason, policy, supervision: clockTerms(calendar, policy, now, policy.publicNoticeWorkingDaysAfterSupervision, now) },
    }));
  }
}

@CommandHandler(RecordFollowUpCommand)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: RecordFollowUpCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'RecordFollowUp', data: { rating: c.rating, comment: c.comment } }));
  }
}

@CommandHandler(CloseComplaintCommand)
export class CloseComplaintHandler implements ICommandHandler<CloseComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: CloseComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'CloseComplaint', data: { reason: c.reason } }));
  }
}

/** 重办: a fresh answer clock from now at the same institution. */
@CommandHandler(ReopenComplaintCommand)
export class ReopenComplaintHandler implements ICommandHandler<ReopenComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: ReopenComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, (_state, { now, policy, calendar }) => ({
      type: 'ReopenComplaint',
      data: { reason: c.reason, complexity: c.complexity, policy, answer: clockTerms(calendar, policy, now, policy.answerWorkingDays[c.complexity], now) },
    }));
  }
}

/**
 * The complainant with code + secret: a wrong secret and an unknown code are the same 404, after
 * the same amount of hashing, so the answer never tells whether a code exists.
 */
@CommandHandler(PublicTicketCommand)
export class PublicTicketHandler implements ICommandHandler<PublicTicketCommand> {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly queries: ComplaintTicketQueries,
  ) {}
  async execute(c: PublicTicketCommand): Promise<{ ticketCode: string; status: string }> {
    const ticketId = resolvePublicTicket(this.queries, c.ticketCode, c.secret);
    const { action } = c;
    const result = await this.runner.run(ticketId, PUBLIC_ACTOR, (state, ctx) =>
      action.kind === 'rate' ? { type: 'RecordFollowUp', data: { rating: action.rating, comment: action.comment } } : complainantReplyBody(action.note)(state, ctx),
    );
    return { ticketCode: normalizeTicketCode(c.ticketCode) ?? c.ticketCode, status: result.status };
  }
}

/** The ticket id behind a code, only when the secret matches; 404 COMPLAINT.NOT_FOUND otherwise. */
export function resolvePublicTicket(queries: ComplaintTicketQueries, code: string, secret: string): string {
  const normalized = normalizeTicketCode(code);
  const candidates = normalized ? queries.secretsOf(normalized) : [];
  const found = candidates.find((c) => verifySecret(secret, c.secretHash));
  if (candidates.length === 0) verifySecret(secret, DUMMY_SECRET_HASH); // the same work for unknown codes
  if (!found) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
  return found.ticketId;
}

@CommandHandler(EraseSubjectCommand)
export class EraseSubjectHandler implements ICommandHandler<EraseSubjectCommand> {
  constructor(private readonly erasure: ErasureService) {}
  async execute(c: EraseSubjectCommand): Promise<{ subjectId: string; outcome: string; erasedAt: string }> {
    const receipt = await this.erasure.eraseSubject(c.subjectId, c.actor, c.reason);
    return { subjectId: receipt.subjectId, outcome: receipt.outcome, erasedAt: receipt.erasure.at };
  }
}
