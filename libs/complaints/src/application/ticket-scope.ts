import { AccessPolicy } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { complaintError } from '../domain/complaint-errors';
import { ComplaintTicketState, isAssigned } from '../domain/complaint-ticket.state';

/**
 * Who may act on a ticket, checked on the very state the command is decided on (the ticket
 * write's `authorize`, run by CommandExecution before anything is built), so a refusal writes nothing and a hospital learns nothing about a ticket
 * that is not its own: not even its status.
 *
 * - hospital: while the ticket is assigned to its own institution, or while it owns the ticket its
 *   own complaint office received (until it escalates it: then it reads, but no longer acts);
 * - inspector / leader: when the receiving unit (首诉负责) or the assigned institution lies in
 *   their jurisdiction, admins likewise (a city's admin its city, the root's admin everywhere:
 *   AccessPolicy.inScope); system: everywhere; public: through the secret (not here).
 */
export function assertTicketScope(access: AccessPolicy, actor: Actor, state: ComplaintTicketState): void {
  if (state.status === 'none') throw complaintError('NOT_FOUND', 'No such complaint ticket');
  if (actor.role === 'public' || access.readsEverywhere(actor)) return;
  if (actor.role === 'hospital') {
    if (isAssigned(state) && state.assignment.institutionId === actor.unit) return;
    // 首诉负责: the hospital whose complaint office received it owns it until it escalates it.
    if (state.receivingUnit === actor.unit) return;
    throw complaintError('NOT_ASSIGNED_INSTITUTION', 'This ticket is not assigned to your institution', { unit: actor.unit });
  }
  if (ticketInScope(access, actor, state.receivingUnit, isAssigned(state) ? state.assignment.institutionId : null)) return;
  throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.role} ${actor.id} of ${actor.unit} may not act on this ticket`);
}

/** Read and act scope of commission staff: the owner unit or the institution holding the ticket. */
export function ticketInScope(access: AccessPolicy, actor: Actor, receivingUnit: string, institutionId: string | null): boolean {
  if (actor.role === 'hospital') return institutionId === actor.unit;
  if (access.inScope(actor, receivingUnit)) return true;
  return institutionId !== null && access.inScope(actor, institutionId);
}
