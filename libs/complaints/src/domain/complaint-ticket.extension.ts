import { complaintError, requireRole, requireText } from './complaint-errors';
import { assertValidSchedule } from './complaint-policy';
import { ApproveExtension, DenyExtension, RequestExtension } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireAssignedHospital, requireNotWaiting, requireStatus } from './complaint-ticket.guards';
import { AssignedTicket, ComplaintTicketState, complaintDeadlineId } from './complaint-ticket.state';
import { EXTENSION_APPROVER_ROLES } from './complaint-vocabulary';

/** 延期: the institution asks, an inspector or leader approves (moving the answer deadline) or denies. */

const BEFORE_ANSWER = ['acknowledged', 'decided'] as const;

function runningAnswer(ticket: AssignedTicket) {
  const deadline = ticket.deadlines[complaintDeadlineId('answer', ticket.round)];
  if (!deadline || deadline.status !== 'pending') {
    throw complaintError('DEADLINE_NOT_RUNNING', 'Only a running (not paused, not expired) answer deadline can be extended');
  }
  return deadline;
}

export function requestExtension(command: RequestExtension, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, BEFORE_ANSWER, 'request an extension for');
  requireAssignedHospital(command.metadata.actor, ticket, 'request an extension');
  requireNotWaiting(ticket, 'request an extension');
  if (ticket.assignment.extensionRequest) throw complaintError('EXTENSION_ALREADY_PENDING', 'An extension request is already pending');
  const deadline = runningAnswer(ticket);
  return [
    {
      type: 'ComplaintExtensionRequested',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        deadlineId: deadline.terms.deadlineId,
        reason: requireText(command.data.reason, 'reason'),
        requestedAt: command.metadata.now,
      },
    },
  ];
}

function requireWholeDays(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw complaintError('INVALID_TERMS', 'extraWorkingDays must be a whole number of working days ≥ 1', { field: 'extraWorkingDays' });
  return n;
}

export function approveExtension(command: ApproveExtension, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, BEFORE_ANSWER, 'approve an extension for');
  const actor = command.metadata.actor;
  requireRole(actor, EXTENSION_APPROVER_ROLES, 'approve an extension');
  const request = ticket.assignment.extensionRequest;
  if (!request) throw complaintError('NO_EXTENSION_PENDING', 'No extension request is pending');
  const deadline = runningAnswer(ticket);
  const extended = assertValidSchedule(command.data.extended, 'extended', deadline.dueAt);
  const now = command.metadata.now;
  return [
    {
      type: 'ComplaintExtensionApproved',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        deadlineId: request.deadlineId,
        previousDueAt: deadline.dueAt,
        dueAt: extended.dueAt,
        approvedAt: now,
      },
    },
    {
      type: 'DeadlineExtended',
      data: {
        deadlineId: request.deadlineId,
        dueAt: extended.dueAt,
        warnAt: [...extended.warnAt],
        reason: request.reason,
        approvedBy: actor.id,
        calendarVersion: extended.calendarVersion,
        extraWorkingDays: requireWholeDays(command.data.extraWorkingDays),
      },
    },
  ];
}

export function denyExtension(command: DenyExtension, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, BEFORE_ANSWER, 'deny an extension for');
  requireRole(command.metadata.actor, EXTENSION_APPROVER_ROLES, 'deny an extension');
  const request = ticket.assignment.extensionRequest;
  if (!request) throw complaintError('NO_EXTENSION_PENDING', 'No extension request is pending');
  return [
    {
      type: 'ComplaintExtensionDenied',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        deadlineId: request.deadlineId,
        reason: requireText(command.data.reason, 'reason'),
        deniedAt: command.metadata.now,
      },
    },
  ];
}
