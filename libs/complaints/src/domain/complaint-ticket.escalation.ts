import { complaintError, requireRole, requireText } from './complaint-errors';
import { EscalateComplaint } from './complaint-ticket.commands';
import { cancelAllDeadlines } from './complaint-ticket.deadline-events';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireOwner, requireStatus } from './complaint-ticket.guards';
import { ComplaintTicketState, isAssigned } from './complaint-ticket.state';

/**
 * 上报卫健委 (首诉负责 handed over): the hospital that received a ticket at its own window gives it
 * to its commission — beyond its power, or about its own leadership — before it has decided it:
 * while it still holds it as received, or while it handles it itself (dispatched to itself,
 * acknowledged). A ticket the commission dispatched elsewhere is no longer the hospital's to hand over.
 */
export function escalate(command: EscalateComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['received', 'dispatched', 'acknowledged'], 'escalate');
  const { data, metadata } = command;
  const actor = metadata.actor;
  requireRole(actor, ['hospital'], 'escalate a complaint to the commission');
  requireOwner(actor, ticket, 'escalate this complaint');
  if (isAssigned(ticket) && ticket.assignment.institutionId !== actor.unit) {
    throw complaintError('NOT_ESCALATABLE', 'The ticket is being handled by another institution', {
      institutionId: ticket.assignment.institutionId,
    });
  }
  const reason = requireText(data.reason, 'reason', 2000);
  const toUnit = requireText(data.commissionUnit, 'commissionUnit', 200);
  if (toUnit === ticket.receivingUnit) {
    throw complaintError('NOT_ESCALATABLE', 'A ticket is escalated to the commission above the institution', { field: 'commissionUnit' });
  }
  const now = metadata.now;
  return [
    {
      type: 'ComplaintEscalated',
      data: { ticketId: ticket.ticketId, round: ticket.round, fromUnit: ticket.receivingUnit, toUnit, reason, escalatedAt: now },
    },
    ...cancelAllDeadlines(ticket.deadlines, now),
  ];
}
