import { complaintError, optionalText, requireText } from './complaint-errors';
import { assertValidPolicy, deadlineTerms } from './complaint-policy';
import { CloseComplaint, RecordFollowUp, ReopenComplaint } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireCommission, requireOwner, requireStatus } from './complaint-ticket.guards';
import { ComplaintTicketState, complaintDeadlineId } from './complaint-ticket.state';
import { COMPLAINT_COMPLEXITIES, SATISFACTION_RATINGS, isOneOf } from './complaint-vocabulary';

/** 回访 · 办结 · 重办: after the institution has answered. */

/** The complainant rates through the public entry; the owner's staff record the rating of a 回访 call. */
export function followUp(command: RecordFollowUp, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['answered'], 'follow up');
  const actor = command.metadata.actor;
  if (actor.role !== 'public') requireOwner(actor, ticket, 'record a follow-up rating');
  if (!isOneOf(SATISFACTION_RATINGS, command.data.rating)) {
    throw complaintError('INVALID_RATING', 'rating must be satisfied, basically-satisfied or dissatisfied', { field: 'rating' });
  }
  return [
    {
      type: 'ComplaintFollowedUp',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        rating: command.data.rating,
        source: actor.role === 'public' ? 'complainant' : 'follow-up-call',
        comment: optionalText(command.data.comment, 'comment', 2000),
        followedUpAt: command.metadata.now,
      },
    },
  ];
}

/**
 * 办结 by the owner (commission staff, or the hospital that received and kept the ticket). Without a follow-up, or after a `dissatisfied` rating that does not
 * warrant 重办, the reason is required so the record says why the loop was closed anyway.
 */
export function close(command: CloseComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['answered', 'followed-up'], 'close');
  requireOwner(command.metadata.actor, ticket, 'close a complaint');
  const rating = ticket.status === 'followed-up' ? ticket.followUp.rating : null;
  const reason = optionalText(command.data.reason, 'reason');
  if (!reason && (rating === null || rating === 'dissatisfied')) {
    throw complaintError('CLOSE_REASON_REQUIRED', 'Closing without a follow-up or after dissatisfaction needs a reason', {
      field: 'reason',
    });
  }
  return [
    { type: 'ComplaintClosed', data: { ticketId: ticket.ticketId, outcome: 'answered', rating, reason, closedAt: command.metadata.now } },
  ];
}

/** 重办: a new round at the same institution (already acknowledged) with a fresh answer deadline. */
export function reopen(command: ReopenComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['followed-up'], 'reopen');
  requireCommission(command.metadata.actor, 'reopen a complaint');
  if (ticket.followUp.rating !== 'dissatisfied') {
    throw complaintError('REOPEN_REQUIRES_DISSATISFACTION', 'Only a dissatisfied follow-up can lead to reopening');
  }
  const { data, metadata } = command;
  const reason = requireText(data.reason, 'reason');
  if (!isOneOf(COMPLAINT_COMPLEXITIES, data.complexity))
    throw complaintError('INVALID_COMPLEXITY', 'complexity must be simple or complex', { field: 'complexity' });
  const policy = assertValidPolicy(data.policy);
  const round = ticket.round + 1;
  const answer = deadlineTerms(complaintDeadlineId('answer', round), 'answer', data.answer, policy, data.complexity);
  return [
    {
      type: 'ComplaintReopened',
      data: {
        ticketId: ticket.ticketId,
        round,
        institutionId: ticket.assignment.institutionId,
        complexity: data.complexity,
        reason,
        policyVersion: policy.policyVersion,
        reopenedAt: metadata.now,
      },
    },
    { type: 'DeadlineSet', data: answer },
  ];
}
