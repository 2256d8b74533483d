import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, assertNever, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { CommandExecution, CommandOutcome } from '@bihuan/platform';
import { complaintError } from '../domain/complaint-errors';
import { ComplaintTicketState } from '../domain/complaint-ticket.state';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';
import { ComplainantIdentityService } from './complainant-identity.service';
import { ExternalReferences } from './external-references';
import { generateSecret, generateTicketCode } from './public-secret';
import * as B from './ticket-builds';
import { externalReferenceOf, publicReceivingUnit, receiveBody, transferTarget } from './ticket-intake';
import { IntakeKind, PUBLIC_ACTOR, ReceivedTicket, TicketCommandResult, TicketRequest, TicketRequestBody } from './ticket-request';
import { assertTicketScope } from './ticket-scope';
import { TicketEvidenceService } from './ticket-evidence.service';

type Intake = Extract<TicketRequestBody, { kind: IntakeKind }>;

/**
 * The application service of the complaint ticket: every TicketRequest becomes one CaseWrite for
 * CommandExecution, which loads the ticket once, checks scope on it (`authorize`: 404 unknown,
 * 403 not yours — before anything is revealed or built), builds the command on it and appends.
 */
@CommandHandler(TicketRequest)
export class TicketHandler implements ICommandHandler<TicketRequest> {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly identities: ComplainantIdentityService,
    private readonly queries: ComplaintTicketQueries,
    private readonly references: ExternalReferences,
    private readonly evidence: TicketEvidenceService,
  ) {}

  async execute({ actor, request: r, continues }: TicketRequest): Promise<TicketCommandResult> {
    switch (r.kind) {
      case 'receive': {
        // Staff receive complaints about institutions of their own jurisdiction; one about an
        // institution elsewhere goes to the commission competent for it, as the public form routes it.
        // A hospital's complaint office receives about itself only (首诉负责 at its own window).
        if (r.institutionId) this.jurisdiction.requireInstitution(r.institutionId, 'institutionId');
        const institutionId = this.access.receivedComplaintAbout(actor, r.institutionId);
        return this.receive(actor, { ...r, institutionId }, actor.unit);
      }
      case 'submit-public':
        return this.receive(PUBLIC_ACTOR, r, publicReceivingUnit(this.jurisdiction, r.unitId, r.institutionId));
      case 'transfer-in':
        return this.receive(actor, r, transferTarget(this.access, actor, r.unitId, r.institutionId), continues);
      case 'resolve-on-the-spot':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'ResolveComplaintOnTheSpot', data: { resolution: r.resolution } }));
      case 'dispatch':
        this.jurisdiction.requireInstitution(r.institutionId, 'institutionId');
        this.access.assertInScope(actor, r.institutionId, 'the institution');
        return this.onTicket(actor, r.ticketId, B.dispatchBody(r));
      case 'escalate':
        return this.onTicket(actor, r.ticketId, (state) => ({
          type: 'EscalateComplaint',
          data: { reason: r.reason, commissionUnit: this.commissionAbove(state) },
        }));
      case 'decline':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'DeclineComplaint', data: { ground: r.ground, reason: r.reason } }));
      case 'acknowledge':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'AcknowledgeComplaint', data: {} }));
      case 'return':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'ReturnComplaint', data: { reason: r.reason } }));
      case 'note':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'RecordInvestigationNote', data: { note: r.note } }));
      case 'decide': {
        const owner = r.implicatedStaffId ? await this.staff.institutionOf(r.implicatedStaffId) : null;
        return this.onTicket(actor, r.ticketId, B.decisionBody(r, owner));
      }
      case 'answer':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'AnswerComplaint', data: { answer: r.answer } }));
      case 'request-extension':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'RequestExtension', data: { reason: r.reason } }));
      case 'approve-extension':
        return this.onTicket(actor, r.ticketId, B.extensionBody(r));
      case 'deny-extension':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'DenyExtension', data: { reason: r.reason } }));
      case 'await-complainant':
        return this.onTicket(actor, r.ticketId, B.awaitComplainantBody(r));
      case 'complainant-reply':
        return this.onTicket(actor, r.ticketId, B.complainantReplyBody(r));
      case 'supervise':
        return this.onTicket(actor, r.ticketId, B.superviseBody(r));
      case 'follow-up':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'RecordFollowUp', data: { rating: r.rating, comment: r.comment } }));
      case 'close':
        return this.onTicket(actor, r.ticketId, () => ({ type: 'CloseComplaint', data: { reason: r.reason } }));
      case 'reopen':
        return this.onTicket(actor, r.ticketId, B.reopenBody(r));
      case 'attach-evidence':
        return this.evidence.attach(actor, r.ticketId, r.staged, r.note);
      default:
        return assertNever(r, 'ticket request');
    }
  }

  /** The commission a ticket received at an institution goes up to: the institution's parent unit. */
  private commissionAbove(state: ComplaintTicketState): string {
    if (state.status === 'none') return '';
    return this.jurisdiction.get(state.receivingUnit)?.parentId ?? '';
  }

  /** A step on an existing ticket: scope is checked on the loaded state first, then the domain decides. */
  private async onTicket(actor: Actor, ticketId: string, build: B.TicketBuild): Promise<TicketCommandResult> {
    const authorize = (state: ComplaintTicketState) => assertTicketScope(this.access, actor, state);
    return resultOf(await this.commands.execute(actor, B.ticketWrite(ticketId, build, authorize)));
  }

  /**
   * 受理 for staff and the public: a new id, a unique code, a secret whose hash only is kept, the
   * identity encrypted. An external reference is claimed in its own stream first (one ticket per
   * reference) and released when the ticket is refused. A new ticket has no scope to check: its
   * decider refuses an existing stream.
   */
  private async receive(actor: Actor, r: Intake, receivingUnit: string, continues?: TicketRequest['continues']): Promise<ReceivedTicket> {
    if (r.institutionId) this.jurisdiction.requireInstitution(r.institutionId, 'institutionId');
    if (r.staffId) {
      if (!r.institutionId)
        throw complaintError('STAFF_WITHOUT_INSTITUTION', 'staffId needs the institutionId the staff member works at', {
          field: 'staffId',
        });
      await assertStaffOf(this.staff, r.staffId, r.institutionId);
    }
    const ticketId = this.ids.next();
    const reference = externalReferenceOf(r);
    if (reference) await this.references.claim(reference, ticketId, actor);
    try {
      let ticketCode = generateTicketCode();
      while (await this.queries.codeExists(ticketCode)) ticketCode = generateTicketCode();
      const secret = generateSecret();
      const complainant = await this.identities.protect(r.identity);
      const body = receiveBody(r, { ticketId, ticketCode, secret, complainant, receivingUnit });
      return {
        ...resultOf(await this.commands.execute(actor, { ...B.ticketWrite(ticketId, () => body), creates: true }, continues)),
        ticketCode,
        secret,
      };
    } catch (error) {
      if (reference) await this.references.release(reference, ticketId, actor);
      throw error;
    }
  }
}

/** CommandOutcome as the complaint endpoints have always answered it (the state stays inside). */
function resultOf({ id, state, position, events }: CommandOutcome<ComplaintTicketState>): TicketCommandResult {
  return { ticketId: id, status: state.status, position, events: [...events] };
}
