import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { PersonalIdentity } from '@bihuan/privacy';
import { ComplaintCategory, ComplaintChannel, ComplaintComplexity, ComplaintDecision, DeclineGround, SatisfactionRating } from '../domain/complaint-vocabulary';
import { TicketCommandResult } from './ticket-command.runner';

/**
 * The CQRS commands controllers send (architecture.md rule 8). Each carries the validated input
 * and the actor; its handler turns it into the domain command. Free text must not contain the
 * complainant's identity: only `identity` is encrypted.
 */

export interface IntakeInput {
  readonly category: ComplaintCategory;
  readonly description: string;
  readonly identity?: PersonalIdentity | null;
  readonly institutionId?: string | null;
  readonly departmentId?: string | null;
  readonly staffId?: string | null;
}

export interface ReceivedTicket extends TicketCommandResult {
  readonly ticketCode: string;
}

/** 受理 by commission staff (any channel). */
export class ReceiveComplaintCommand extends Command<ReceivedTicket & { secret: string }> {
  constructor(readonly actor: Actor, readonly input: IntakeInput & { readonly channel: ComplaintChannel; readonly externalReference?: string | null }) {
    super();
  }
}
/** 受理 from the public web form; answers the code and the one-time secret. */
export class SubmitPublicComplaintCommand extends Command<{ ticketCode: string; secret: string }> {
  constructor(readonly input: IntakeInput & { readonly unitId?: string | null }) {
    super();
  }
}

abstract class TicketStep extends Command<TicketCommandResult> {
  constructor(readonly ticketId: string, readonly actor: Actor) {
    super();
  }
}

export class ResolveOnTheSpotCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly resolution: string) { super(ticketId, actor); }
}
export class DispatchComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly institutionId: string, readonly complexity: ComplaintComplexity, readonly departmentIds: string[]) { super(ticketId, actor); }
}
export class DeclineComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly ground: DeclineGround, readonly reason: string) { super(ticketId, actor); }
}
export class AcknowledgeComplaintCommand extends TicketStep {}
export class ReturnComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string) { super(ticketId, actor); }
}
export class RecordInvestigationNoteCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly note: string) { super(ticketId, actor); }
}
export class DecideComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly decision: ComplaintDecision, readonly findings: string, readonly implicatedStaffId: string | null) { super(ticketId, actor); }
}
export class AnswerComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly answer: string) { super(ticketId, actor); }
}
export class RequestExtensionCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string) { super(ticketId, actor); }
}
export class ApproveExtensionCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly extraWorkingDays: number) { super(ticketId, actor); }
}
export class DenyExtensionCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string) { super(ticketId, actor); }
}
export class AwaitComplainantCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string) { super(ticketId, actor); }
}
export class RecordComplainantReplyCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly note: string | null) { super(ticketId, actor); }
}
export class SuperviseComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string) { super(ticketId, actor); }
}
export class RecordFollowUpCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly rating: SatisfactionRating, readonly comment: string | null) { super(ticketId, actor); }
}
export class CloseComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string | null) { super(ticketId, actor); }
}
export class ReopenComplaintCommand extends TicketStep {
  constructor(ticketId: string, actor: Actor, readonly reason: string, readonly complexity: ComplaintComplexity) { super(ticketId, actor); }
}

/** The complainant acting through the public entry with code + secret. */
export class PublicTicketCommand extends Command<{ ticketCode: string; status: string }> {
  constructor(
    readonly ticketCode: string,
    readonly secret: string,
    readonly action: { readonly kind: 'rate'; readonly rating: SatisfactionRating; readonly comment: string | null } | { readonly kind: 'reply'; readonly note: string | null },
  ) {
    super();
  }
}

/** Crypto-shredding of one complainant (admin). */
export class EraseSubjectCommand extends Command<{ subjectId: string; outcome: string; erasedAt: string }> {
  constructor(readonly subjectId: string, readonly actor: Actor, readonly reason: string) {
    super();
  }
}
