import { complaintError, optionalText, requireText } from './complaint-errors';
import {
  AcknowledgeComplaint,
  AnswerComplaint,
  DecideComplaint,
  RecordInvestigationNote,
  ReturnComplaint,
} from './complaint-ticket.commands';
import { cancelAllDeadlines, clearDeadlines } from './complaint-ticket.deadline-events';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { metInTime, requireAssignedHospital, requireNotWaiting, requireStatus } from './complaint-ticket.guards';
import { ComplaintTicketState, complaintDeadlineId } from './complaint-ticket.state';
import { COMPLAINT_DECISIONS, isOneOf } from './complaint-vocabulary';

/** 签收 · 退单 · 调查核实 · 处理意见 · 反馈: the steps of the institution holding the ticket. */

export function acknowledge(command: AcknowledgeComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['dispatched'], 'acknowledge');
  requireAssignedHospital(command.metadata.actor, ticket, 'acknowledge this complaint');
  const now = command.metadata.now;
  const id = complaintDeadlineId('acknowledge', ticket.round);
  return [
    {
      type: 'ComplaintAcknowledged',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        institutionId: ticket.assignment.institutionId,
        acknowledgedAt: now,
        onTime: metInTime(ticket.deadlines[id], now),
      },
    },
    ...clearDeadlines(ticket.deadlines, [id], 'met', now),
  ];
}

/** 退单: wrongly assigned. Back to the owner, every running clock of the round cancelled. */
export function returnTicket(command: ReturnComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['dispatched', 'acknowledged'], 'return');
  requireAssignedHospital(command.metadata.actor, ticket, 'return this complaint');
  const now = command.metadata.now;
  return [
    {
      type: 'ComplaintReturned',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        institutionId: ticket.assignment.institutionId,
        reason: requireText(command.data.reason, 'reason'),
        returnedAt: now,
      },
    },
    ...cancelAllDeadlines(ticket.deadlines, now),
  ];
}

export function noteInvestigation(command: RecordInvestigationNote, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['acknowledged'], 'record an investigation note on');
  requireAssignedHospital(command.metadata.actor, ticket, 'investigate this complaint');
  return [
    {
      type: 'ComplaintInvestigationNoted',
      data: { ticketId: ticket.ticketId, round: ticket.round, note: requireText(command.data.note, 'note'), notedAt: command.metadata.now },
    },
  ];
}

export function decideComplaint(command: DecideComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['acknowledged'], 'decide');
  requireAssignedHospital(command.metadata.actor, ticket, 'decide this complaint');
  requireNotWaiting(ticket, 'decide');
  const { decision } = command.data;
  if (!isOneOf(COMPLAINT_DECISIONS, decision)) {
    throw complaintError('INVALID_DECISION', 'decision must be substantiated, partly-substantiated or not-substantiated', {
      field: 'decision',
    });
  }
  const implicatedStaffId = optionalText(command.data.implicatedStaffId, 'implicatedStaffId', 200);
  if (implicatedStaffId && decision === 'not-substantiated') {
    throw complaintError('STAFF_WITHOUT_SUBSTANCE', 'A staff member cannot be implicated by an unsubstantiated complaint', {
      field: 'implicatedStaffId',
    });
  }
  return [
    {
      type: 'ComplaintDecided',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        institutionId: ticket.assignment.institutionId,
        category: ticket.category,
        decision,
        findings: requireText(command.data.findings, 'findings'),
        implicatedStaffId,
        decidedAt: command.metadata.now,
      },
    },
  ];
}

/** 反馈: meets the answer deadline and ends a running 督办 of the round. */
export function answer(command: AnswerComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['decided'], 'answer');
  requireAssignedHospital(command.metadata.actor, ticket, 'answer this complaint');
  requireNotWaiting(ticket, 'answer');
  const now = command.metadata.now;
  const answerId = complaintDeadlineId('answer', ticket.round);
  const supervisionId = complaintDeadlineId('supervision', ticket.round);
  return [
    {
      type: 'ComplaintAnswered',
      data: {
        ticketId: ticket.ticketId,
        round: ticket.round,
        institutionId: ticket.assignment.institutionId,
        answer: requireText(command.data.answer, 'answer'),
        answeredAt: now,
        onTime: metInTime(ticket.deadlines[answerId], now),
      },
    },
    ...clearDeadlines(ticket.deadlines, [answerId, supervisionId], 'met', now),
  ];
}
