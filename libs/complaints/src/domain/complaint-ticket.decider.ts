import { Decider, assertNever, decideRecompute, streamName } from '@bihuan/core';
import { ComplaintTicketCommand } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { evolveComplaintTicket } from './complaint-ticket.evolve';
import { awaitComplainant, expire, recordReply, supervise, warn } from './complaint-ticket.clock';
import { approveExtension, denyExtension, requestExtension } from './complaint-ticket.extension';
import { attachEvidence } from './complaint-ticket.evidence';
import { close, followUp, reopen } from './complaint-ticket.follow-up';
import { acknowledge, answer, decideComplaint, noteInvestigation, returnTicket } from './complaint-ticket.handling';
import { escalate } from './complaint-ticket.escalation';
import { decline, dispatch, receive, resolveOnTheSpot } from './complaint-ticket.intake';
import { COMPLAINT_TICKET_CATEGORY, ComplaintTicketState, INITIAL_COMPLAINT_TICKET_STATE } from './complaint-ticket.state';

/**
 * Decides a command against the ticket: the events to append, [] for a harmless no-op (a late or
 * duplicate timer wake-up), or a DomainError with a `COMPLAINT.*` code.
 */
export function decideComplaintTicket(command: ComplaintTicketCommand, state: ComplaintTicketState): readonly ComplaintTicketEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint':
      return receive(command, state);
    case 'ResolveComplaintOnTheSpot':
      return resolveOnTheSpot(command, state);
    case 'DispatchComplaint':
      return dispatch(command, state);
    case 'EscalateComplaint':
      return escalate(command, state);
    case 'AcknowledgeComplaint':
      return acknowledge(command, state);
    case 'ReturnComplaint':
      return returnTicket(command, state);
    case 'RecordInvestigationNote':
      return noteInvestigation(command, state);
    case 'DecideComplaint':
      return decideComplaint(command, state);
    case 'AnswerComplaint':
      return answer(command, state);
    case 'RecordFollowUp':
      return followUp(command, state);
    case 'CloseComplaint':
      return close(command, state);
    case 'DeclineComplaint':
      return decline(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'ApproveExtension':
      return approveExtension(command, state);
    case 'DenyExtension':
      return denyExtension(command, state);
    case 'SuperviseComplaint':
      return supervise(command, state);
    case 'AwaitComplainant':
      return awaitComplainant(command, state);
    case 'RecordComplainantReply':
      return recordReply(command, state);
    case 'ReopenComplaint':
      return reopen(command, state);
    case 'AttachEvidence':
      return attachEvidence(command, state);
    case 'WarnDeadline':
      return warn(command, state);
    case 'ExpireDeadline':
      return expire(command, state);
    case 'RecomputeDeadline':
      return state.status === 'none' ? [] : decideRecompute(state.deadlines, command);
    default:
      return assertNever(command, 'complaint command');
  }
}

/** The ComplaintTicket aggregate (投诉工单), stream `complaintTicket-<ticketId>`. */
export const complaintTicketDecider: Decider<ComplaintTicketCommand, ComplaintTicketEvent, ComplaintTicketState> = {
  initialState: INITIAL_COMPLAINT_TICKET_STATE,
  evolve: evolveComplaintTicket,
  decide: decideComplaintTicket,
};

/** `complaintTicket-<ticketId>`. */
export function complaintTicketStream(ticketId: string): string {
  return streamName(COMPLAINT_TICKET_CATEGORY, ticketId);
}
