import { assertNever, evolveDeadlines, isDeadlineEvent, withAttached } from '@bihuan/core';
import { ComplaintDomainEvent, ComplaintTicketEvent } from './complaint-ticket.events';
import { Assignment, ComplaintTicketState, ExistingTicket, TicketFacts, isAssigned } from './complaint-ticket.state';

/** The facts part of an existing ticket, for rebuilding it under another status. */
function facts(s: ExistingTicket): TicketFacts {
  return {
    ticketId: s.ticketId,
    ticketCode: s.ticketCode,
    secretHash: s.secretHash,
    channel: s.channel,
    category: s.category,
    description: s.description,
    complainant: s.complainant,
    concernedInstitutionId: s.concernedInstitutionId,
    departmentId: s.departmentId,
    staffId: s.staffId,
    externalReference: s.externalReference,
    receivingUnit: s.receivingUnit,
    receivedAt: s.receivedAt,
    round: s.round,
    deadlines: s.deadlines,
    evidence: s.evidence,
    complainantFiles: s.complainantFiles,
  };
}

function withAssignment(s: ComplaintTicketState, change: (a: Assignment) => Assignment): ComplaintTicketState {
  return isAssigned(s) ? { ...s, assignment: change(s.assignment) } : s;
}

/**
 * Folds one event into the ticket. Events are facts already decided, so evolve never throws: an
 * event that does not fit the state (which a correct decider never produces) leaves it unchanged.
 */
export function evolveComplaintTicket(state: ComplaintTicketState, event: ComplaintTicketEvent): ComplaintTicketState {
  if (isDeadlineEvent(event)) {
    return state.status === 'none' ? state : { ...state, deadlines: evolveDeadlines(state.deadlines, event) };
  }
  if (event.type === 'EvidenceAttached') {
    if (state.status === 'none') return state;
    const byComplainant = event.data.step === 'complaint' ? [event.data.file.digest] : [];
    return { ...state, evidence: withAttached(state.evidence, event), complainantFiles: [...state.complainantFiles, ...byComplainant] };
  }
  return evolveDomain(state, event);
}

function evolveDomain(state: ComplaintTicketState, event: ComplaintDomainEvent): ComplaintTicketState {
  if (event.type === 'ComplaintReceived') {
    const d = event.data;
    return {
      status: 'received',
      ticketId: d.ticketId,
      ticketCode: d.ticketCode,
      secretHash: d.secretHash,
      channel: d.channel,
      category: d.category,
      description: d.description,
      complainant: d.complainant,
      concernedInstitutionId: d.institutionId,
      departmentId: d.departmentId,
      staffId: d.staffId,
      externalReference: d.externalReference,
      receivingUnit: d.receivingUnit,
      receivedAt: d.receivedAt,
      round: 0,
      deadlines: {},
      evidence: {},
      complainantFiles: [],
      lastReturn: null,
    };
  }
  if (state.status === 'none') return state;
  const s = state;
  switch (event.type) {
    case 'ComplaintResolvedOnTheSpot':
      return s;
    case 'ComplaintDispatched': {
      const d = event.data;
      const assignment: Assignment = {
        institutionId: d.institutionId,
        departmentIds: d.departmentIds,
        complexity: d.complexity,
        dispatchedAt: d.dispatchedAt,
        extensionRequest: null,
        waiting: null,
        supervision: null,
      };
      return { ...facts(s), round: d.round, status: 'dispatched', assignment };
    }
    case 'ComplaintEscalated':
      return { ...facts(s), receivingUnit: event.data.toUnit, status: 'received', lastReturn: null };
    case 'ComplaintAcknowledged':
      return s.status === 'dispatched' ? { ...facts(s), status: 'acknowledged', assignment: s.assignment } : s;
    case 'ComplaintReturned':
      return { ...facts(s), status: 'received', lastReturn: { institutionId: event.data.institutionId, reason: event.data.reason } };
    case 'ComplaintInvestigationNoted':
      return s;
    case 'ComplaintDecided': {
      if (s.status !== 'acknowledged') return s;
      const { decision, findings, implicatedStaffId, decidedAt } = event.data;
      return { ...facts(s), status: 'decided', assignment: s.assignment, decision: { decision, findings, implicatedStaffId, decidedAt } };
    }
    case 'ComplaintAnswered':
      return s.status === 'decided'
        ? { ...facts(s), status: 'answered', assignment: s.assignment, decision: s.decision, answeredAt: event.data.answeredAt }
        : s;
    case 'ComplaintFollowedUp': {
      if (s.status !== 'answered') return s;
      const { rating, source, comment, followedUpAt } = event.data;
      return { ...s, status: 'followed-up', followUp: { rating, source, comment, followedUpAt } };
    }
    case 'ComplaintClosed':
      return { ...facts(s), status: 'closed', outcome: event.data.outcome, rating: event.data.rating, closedAt: event.data.closedAt };
    case 'ComplaintDeclined':
      return { ...facts(s), status: 'declined', ground: event.data.ground, reason: event.data.reason, declinedAt: event.data.declinedAt };
    case 'ComplaintExtensionRequested': {
      const { deadlineId, reason, requestedAt } = event.data;
      return withAssignment(s, (a) => ({ ...a, extensionRequest: { deadlineId, reason, requestedAt } }));
    }
    case 'ComplaintExtensionApproved':
    case 'ComplaintExtensionDenied':
      return withAssignment(s, (a) => ({ ...a, extensionRequest: null }));
    case 'ComplaintReminded':
      return s;
    case 'ComplaintSupervised':
      return withAssignment(s, (a) => ({ ...a, supervision: { supervisedAt: event.data.supervisedAt, publiclyNoticedAt: null } }));
    case 'ComplaintPubliclyNoticed':
      return withAssignment(s, (a) =>
        a.supervision ? { ...a, supervision: { ...a.supervision, publiclyNoticedAt: event.data.noticedAt } } : a,
      );
    case 'ComplaintAwaitingComplainant':
      return withAssignment(s, (a) => ({ ...a, waiting: { reason: event.data.reason, since: event.data.since } }));
    case 'ComplaintComplainantReplied':
      return withAssignment(s, (a) => ({ ...a, waiting: null }));
    case 'ComplaintReopened': {
      if (!isAssigned(s)) return s;
      const assignment: Assignment = {
        ...s.assignment,
        complexity: event.data.complexity,
        extensionRequest: null,
        waiting: null,
        supervision: null,
      };
      return { ...facts(s), round: event.data.round, status: 'acknowledged', assignment };
    }
    default:
      return assertNever(event, 'complaint event');
  }
}
