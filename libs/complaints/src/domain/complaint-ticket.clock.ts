import { expiryIsDue, warningIsDue } from '@bihuan/core';
import { complaintError, optionalText, requireText } from './complaint-errors';
import { assertValidPolicy, deadlineTerms } from './complaint-policy';
import { AwaitComplainant, ExpireDeadline, RecordComplainantReply, SuperviseComplaint, WarnDeadline } from './complaint-ticket.commands';
import { pauseRunningDeadlines, resumePausedDeadlines } from './complaint-ticket.deadline-events';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireCommission, requireHandlerOrCommission, requireStatus, requireSystem } from './complaint-ticket.guards';
import { AssignedTicket, ComplaintTicketState, complaintDeadlineId, isAssigned } from './complaint-ticket.state';

/** 催办 · 督办 · 通报 · 停表: what the clocks of a ticket lead to. */

const HANDLING = ['dispatched', 'acknowledged', 'decided'] as const;

/** 催办. Late or duplicate wake-ups (and any for a closed ticket) are answered with []. */
export function warn(command: WarnDeadline, state: ComplaintTicketState): ComplaintTicketEvent[] {
  requireSystem(command.metadata.actor, 'send WarnDeadline');
  if (!isAssigned(state) || !warningIsDue(state.deadlines, command.data)) return [];
  const { deadlineId, warnAt, dueAt } = command.data;
  const deadline = state.deadlines[deadlineId];
  return [
    { type: 'DeadlineWarned', data: { deadlineId, warnAt, dueAt } },
    {
      type: 'ComplaintReminded',
      data: {
        ticketId: state.ticketId,
        round: state.round,
        institutionId: state.assignment.institutionId,
        deadlineId,
        purpose: deadline?.terms.purpose ?? deadlineId,
        dueAt,
        remindedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * A deadline fell due. `answer-<n>` → 督办 with its own deadline (terms in `data.next`, unless the
 * commission already supervised this round); `supervision-<n>` → 通报; `acknowledge-<n>` → only
 * the expiry on the record. Late or duplicate wake-ups are answered with [].
 */
export function expire(command: ExpireDeadline, state: ComplaintTicketState): ComplaintTicketEvent[] {
  requireSystem(command.metadata.actor, 'send ExpireDeadline');
  if (!isAssigned(state) || !expiryIsDue(state.deadlines, command.data)) return [];
  const now = command.metadata.now;
  const { deadlineId, dueAt } = command.data;
  const expired: ComplaintTicketEvent = { type: 'DeadlineExpired', data: { deadlineId, dueAt, expiredAt: now } };
  const { round, ticketId } = state;
  const institutionId = state.assignment.institutionId;
  if (deadlineId === complaintDeadlineId('answer', round) && state.assignment.supervision === null) {
    const next = command.data.next;
    if (!next || !next.supervision) {
      throw complaintError('NEXT_TERMS_REQUIRED', 'An overdue answer needs data.next.policy and data.next.supervision terms', {
        field: 'next',
      });
    }
    const policy = assertValidPolicy(next.policy);
    const terms = deadlineTerms(complaintDeadlineId('supervision', round), 'supervision', next.supervision, policy);
    return [
      expired,
      {
        type: 'ComplaintSupervised',
        data: {
          ticketId,
          round,
          institutionId,
          trigger: 'answer-overdue',
          reason: null,
          policyVersion: policy.policyVersion,
          supervisedAt: now,
        },
      },
      { type: 'DeadlineSet', data: terms },
    ];
  }
  if (deadlineId === complaintDeadlineId('supervision', round) && state.assignment.supervision) {
    return [
      expired,
      {
        type: 'ComplaintPubliclyNoticed',
        data: { ticketId, round, institutionId, supervisedAt: state.assignment.supervision.supervisedAt, noticedAt: now },
      },
    ];
  }
  return [expired];
}

/** 督办 ordered by the commission before the answer is overdue (or without waiting for it). */
export function supervise(command: SuperviseComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, HANDLING, 'supervise');
  requireCommission(command.metadata.actor, 'supervise a complaint');
  if (ticket.assignment.supervision) throw complaintError('ALREADY_SUPERVISED', 'This round is already under supervision');
  const reason = requireText(command.data.reason, 'reason');
  const policy = assertValidPolicy(command.data.policy);
  const terms = deadlineTerms(complaintDeadlineId('supervision', ticket.round), 'supervision', command.data.supervision, policy);
  return [
    {
      type: 'ComplaintSupervised',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        institutionId: ticket.assignment.institutionId,
        trigger: 'commission',
        reason,
        policyVersion: policy.policyVersion,
        supervisedAt: command.metadata.now,
      },
    },
    { type: 'DeadlineSet', data: terms },
  ];
}

/** 停表: every running deadline pauses with the working time it had left (from the application layer). */
export function awaitComplainant(command: AwaitComplainant, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, HANDLING, 'wait on the complainant for');
  requireHandlerOrCommission(command.metadata.actor, ticket, 'stop the clock');
  if (ticket.assignment.waiting) throw complaintError('ALREADY_WAITING', 'Already waiting on the complainant');
  const now = command.metadata.now;
  const reason = requireText(command.data.reason, 'reason');
  return [
    { type: 'ComplaintAwaitingComplainant', data: { ticketId: ticket.ticketId, round: ticket.round, reason, since: now } },
    ...pauseRunningDeadlines(ticket.deadlines, command.data.remainingMs, 'awaiting-complainant', now),
  ];
}

/** The complainant replied (through the public entry, or as recorded by staff): clocks resume. */
export function recordReply(command: RecordComplainantReply, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket: AssignedTicket = requireStatus(state, HANDLING, 'record a reply on');
  const actor = command.metadata.actor;
  if (actor.role !== 'public') requireHandlerOrCommission(actor, ticket, 'record the complainant reply');
  if (!ticket.assignment.waiting) throw complaintError('NOT_WAITING', 'The ticket is not waiting on the complainant');
  const now = command.metadata.now;
  const resumed = resumePausedDeadlines(ticket.deadlines, command.data.resume, now);
  return [
    {
      type: 'ComplaintComplainantReplied',
      data: { ticketId: ticket.ticketId, round: ticket.round, note: optionalText(command.data.note, 'note'), repliedAt: now },
    },
    ...resumed,
  ];
}
