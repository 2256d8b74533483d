import { Actor, DeadlineState } from '@bihuan/core';
import { complaintError, requireRole } from './complaint-errors';
import { AssignedTicket, ComplaintTicketState, ComplaintTicketStatus, ExistingTicket, isAssigned } from './complaint-ticket.state';
import { COMMISSION_ROLES } from './complaint-vocabulary';

/**
 * Guards shared by the decide functions. The domain checks roles and the hospital's own unit;
 * jurisdiction scopes (a city commission acting on a county's ticket) are the auth layer's job.
 */

/** Throws COMPLAINT.NOT_FOUND before receipt and COMPLAINT.ALREADY_CLOSED after close / decline. */
export function requireOpenTicket(state: ComplaintTicketState): Exclude<ExistingTicket, { status: 'closed' | 'declined' }> {
  if (state.status === 'none') throw complaintError('NOT_FOUND', 'No such complaint ticket');
  if (state.status === 'closed' || state.status === 'declined') {
    throw complaintError('ALREADY_CLOSED', `The ticket is already ${state.status}`, { status: state.status });
  }
  return state;
}

/** Throws COMPLAINT.INVALID_TRANSITION unless the ticket is in one of the given statuses. */
export function requireStatus<S extends ComplaintTicketStatus>(
  state: ComplaintTicketState,
  statuses: readonly S[],
  step: string,
): Extract<ComplaintTicketState, { status: S }> {
  const open = requireOpenTicket(state);
  if (!(statuses as readonly string[]).includes(open.status)) {
    throw complaintError('INVALID_TRANSITION', `Cannot ${step} a ticket that is ${open.status}`, {
      status: open.status,
      allowed: statuses,
    });
  }
  return open as Extract<ComplaintTicketState, { status: S }>;
}

export function requireCommission(actor: Actor, step: string): void {
  requireRole(actor, COMMISSION_ROLES, step);
}

/**
 * The owner's steps (首诉负责): commission staff, or the hospital whose own complaint office
 * received the ticket and has not handed it to the commission (its unit is the receiving unit).
 */
export function requireOwner(actor: Actor, ticket: ExistingTicket, step: string): void {
  if (actor.role !== 'hospital') return requireCommission(actor, step);
  if (actor.unit !== ticket.receivingUnit) {
    throw complaintError('NOT_TICKET_OWNER', `Only the unit that received this ticket may ${step}`, { unit: actor.unit });
  }
}

/** Role `hospital` acting for the very institution that holds the ticket. */
export function requireAssignedHospital(actor: Actor, ticket: AssignedTicket, step: string): void {
  requireRole(actor, ['hospital'], step);
  if (actor.unit !== ticket.assignment.institutionId) {
    throw complaintError('NOT_ASSIGNED_INSTITUTION', `Only the assigned institution may ${step}`, { unit: actor.unit });
  }
}

/** The assigned hospital or commission staff (e.g. to pause or resume the clock). */
export function requireHandlerOrCommission(actor: Actor, ticket: AssignedTicket, step: string): void {
  if (actor.role === 'hospital') return requireAssignedHospital(actor, ticket, step);
  requireCommission(actor, step);
}

export function requireSystem(actor: Actor, step: string): void {
  if (actor.role !== 'system') throw complaintError('SYSTEM_ONLY', `Only timers (role system) ${step}`, { role: actor.role });
}

/** Throws COMPLAINT.WAITING_ON_COMPLAINANT while the clock is stopped for the complainant. */
export function requireNotWaiting(ticket: ComplaintTicketState, step: string): void {
  if (isAssigned(ticket) && ticket.assignment.waiting) {
    throw complaintError('WAITING_ON_COMPLAINANT', `Cannot ${step} while waiting on the complainant`);
  }
}

/** Whether a step done at `now` met the deadline (false also when it already expired). */
export function metInTime(deadline: DeadlineState | undefined, now: string): boolean {
  if (!deadline) return true;
  if (deadline.status === 'expired') return false;
  if (deadline.status === 'paused') return true;
  return Date.parse(now) <= Date.parse(deadline.dueAt);
}
