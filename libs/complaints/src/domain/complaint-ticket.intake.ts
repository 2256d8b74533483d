import { DeadlineSet } from '@bihuan/core';
import { complaintError, optionalText, requireRole, requireText } from './complaint-errors';
import { assertValidPolicy, deadlineTerms } from './complaint-policy';
import { DeclineComplaint, DispatchComplaint, ReceiveComplaint, ResolveComplaintOnTheSpot } from './complaint-ticket.commands';
import { cancelAllDeadlines } from './complaint-ticket.deadline-events';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireCommission, requireOpenTicket, requireOwner, requireStatus } from './complaint-ticket.guards';
import { ComplaintTicketState, complaintDeadlineId } from './complaint-ticket.state';
import {
  COMMISSION_ROLES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_COMPLEXITIES,
  Complainant,
  DECLINE_GROUNDS,
  HOSPITAL_CHANNELS,
  isOneOf,
} from './complaint-vocabulary';

/** 受理 · 当场办结 · 转办/派单 · 不予受理: the steps the owner (首诉负责) takes. */

function checkComplainant(c: Complainant | undefined): Complainant {
  if (!c || (c.kind !== 'anonymous' && c.kind !== 'named')) {
    throw complaintError('FIELD_REQUIRED', 'complainant must be anonymous or named', { field: 'complainant' });
  }
  if (c.kind === 'anonymous') {
    if ('subjectId' in c || 'identityCiphertext' in c) {
      throw complaintError('ANONYMOUS_WITH_IDENTITY', 'An anonymous complainant carries no subject or identity', { field: 'complainant' });
    }
    return { kind: 'anonymous' };
  }
  if (!c.subjectId || !c.identityCiphertext) {
    throw complaintError('IDENTITY_REQUIRED', 'A named complainant needs subjectId and identityCiphertext', { field: 'complainant' });
  }
  return { kind: 'named', subjectId: c.subjectId, identityCiphertext: c.identityCiphertext };
}

/**
 * A hospital's complaint office receives at its own channels (HOSPITAL_CHANNELS), about its own
 * institution, for itself: the institution complained about is its own whether named or not.
 */
function hospitalIntake(data: ReceiveComplaint['data'], unit: string): string {
  if (!isOneOf(HOSPITAL_CHANNELS, data.channel)) {
    throw complaintError(
      'HOSPITAL_CHANNEL',
      `An institution receives complaints at its window, phone or by letter, not ${String(data.channel)}`,
      {
        field: 'channel',
      },
    );
  }
  for (const field of ['institutionId', 'receivingUnit'] as const) {
    const named = optionalText(data[field], field, 200);
    if (named !== null && named !== unit) {
      throw complaintError('NOT_OWN_INSTITUTION', `An institution receives complaints about itself only, not about ${named}`, { field });
    }
  }
  return unit;
}

export function receive(command: ReceiveComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const { data, metadata } = command;
  const actor = metadata.actor;
  if (state.status !== 'none') throw complaintError('ALREADY_RECEIVED', 'This ticket was already received', { ticketId: data.ticketId });
  requireRole(actor, [...COMMISSION_ROLES, 'hospital', 'public', 'system', 'partner'], 'receive a complaint');
  if (!isOneOf(COMPLAINT_CHANNELS, data.channel))
    throw complaintError('INVALID_CHANNEL', `Unknown channel ${String(data.channel)}`, { field: 'channel' });
  if (actor.role === 'public' && data.channel !== 'web') {
    throw complaintError('PUBLIC_WEB_ONLY', 'The public submits complaints through the web channel only', { field: 'channel' });
  }
  // A partner agency's lead (交办线索) comes in as an agency transfer, to the commission it names.
  if (actor.role === 'partner' && (data.channel !== 'agency-transfer' || !data.receivingUnit)) {
    throw complaintError('AGENCY_TRANSFER_ONLY', 'A partner agency transfers complaints through agency-transfer, to a named commission', {
      field: 'channel',
    });
  }
  if (!isOneOf(COMPLAINT_CATEGORIES, data.category))
    throw complaintError('INVALID_CATEGORY', `Unknown category ${String(data.category)}`, { field: 'category' });
  const ownInstitution = actor.role === 'hospital' ? hospitalIntake(data, actor.unit) : null;
  // Commission staff, or an institution's own complaint office (首诉负责); partners hand leads in, not as staff.
  const staffActor = COMMISSION_ROLES.includes(actor.role) || actor.role === 'hospital';
  const receivingUnit = optionalText(data.receivingUnit, 'receivingUnit', 200) ?? (staffActor ? actor.unit : null);
  if (!receivingUnit) throw complaintError('FIELD_REQUIRED', 'receivingUnit is required', { field: 'receivingUnit' });
  return [
    {
      type: 'ComplaintReceived',
      data: {
        ticketId: requireText(data.ticketId, 'ticketId', 200),
        ticketCode: requireText(data.ticketCode, 'ticketCode', 64),
        secretHash: requireText(data.secretHash, 'secretHash', 512),
        channel: data.channel,
        category: data.category,
        description: requireText(data.description, 'description', 5000),
        complainant: checkComplainant(data.complainant),
        institutionId: ownInstitution ?? optionalText(data.institutionId, 'institutionId', 200),
        departmentId: optionalText(data.departmentId, 'departmentId', 200),
        staffId: optionalText(data.staffId, 'staffId', 200),
        externalReference: optionalText(data.externalReference, 'externalReference', 200),
        receivingUnit,
        receivedAt: metadata.now,
        // Written only when given, so tickets without consent read exactly as before.
        ...(data.notifyBySms === true ? { notifyBySms: true as const } : {}),
        ...(actor.role === 'partner' ? { fromAgency: actor.unit } : {}),
      },
    },
  ];
}

export function resolveOnTheSpot(command: ResolveComplaintOnTheSpot, state: ComplaintTicketState): ComplaintTicketEvent[] {
  // Who first: a hospital holding a ticket it did not receive learns it is not the owner, not the step.
  requireOwner(command.metadata.actor, requireOpenTicket(state), 'resolve a complaint on the spot');
  const ticket = requireStatus(state, ['received'], 'resolve on the spot');
  if (ticket.round > 0) throw complaintError('NOT_ON_THE_SPOT', 'A ticket that was already dispatched cannot be resolved on the spot');
  const now = command.metadata.now;
  const resolution = requireText(command.data.resolution, 'resolution');
  return [
    { type: 'ComplaintResolvedOnTheSpot', data: { ticketId: ticket.ticketId, resolution, resolvedAt: now } },
    {
      type: 'ComplaintClosed',
      data: { ticketId: ticket.ticketId, outcome: 'resolved-on-the-spot', rating: null, reason: null, closedAt: now },
    },
  ];
}

export function dispatch(command: DispatchComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const { data, metadata } = command;
  requireOwner(metadata.actor, requireOpenTicket(state), 'dispatch a complaint');
  const ticket = requireStatus(state, ['received'], 'dispatch');
  const institutionId = requireText(data.institutionId, 'institutionId', 200);
  // 自行办理: the receiving hospital handles it as the institution it is dispatched to; never another's.
  if (metadata.actor.role === 'hospital' && institutionId !== metadata.actor.unit) {
    throw complaintError('SELF_DISPATCH_ONLY', 'An institution handles the complaints it received itself, or escalates them', {
      field: 'institutionId',
    });
  }
  if (!isOneOf(COMPLAINT_COMPLEXITIES, data.complexity))
    throw complaintError('INVALID_COMPLEXITY', 'complexity must be simple or complex', { field: 'complexity' });
  const departmentIds = [...new Set(data.departmentIds ?? [])];
  if (departmentIds.some((d) => typeof d !== 'string' || d.length === 0)) {
    throw complaintError('FIELD_REQUIRED', 'departmentIds must be non-empty strings', { field: 'departmentIds' });
  }
  if (departmentIds.length > 1 && data.complexity === 'simple') {
    throw complaintError('COMPLEXITY_MISMATCH', 'Several departments make a complaint complex', { field: 'complexity' });
  }
  const policy = assertValidPolicy(data.policy);
  const round = ticket.round + 1;
  const acknowledge = deadlineTerms(complaintDeadlineId('acknowledge', round), 'acknowledge', data.acknowledge, policy);
  const answer = deadlineTerms(complaintDeadlineId('answer', round), 'answer', data.answer, policy, data.complexity);
  const sets: DeadlineSet[] = [
    { type: 'DeadlineSet', data: acknowledge },
    { type: 'DeadlineSet', data: answer },
  ];
  return [
    {
      type: 'ComplaintDispatched',
      data: {
        ticketId: ticket.ticketId,
        round,
        institutionId,
        departmentIds,
        complexity: data.complexity,
        policyVersion: policy.policyVersion,
        dispatchedAt: metadata.now,
      },
    },
    ...sets,
  ];
}

/** Out of scope (已诉讼 / 调解 / 信访): allowed until the institution has answered. */
export function decline(command: DeclineComplaint, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireStatus(state, ['received', 'dispatched', 'acknowledged', 'decided'], 'decline');
  requireCommission(command.metadata.actor, 'decline a complaint');
  if (!isOneOf(DECLINE_GROUNDS, command.data.ground)) {
    throw complaintError('INVALID_DECLINE_GROUND', 'ground must be litigation, mediation, petition or other', { field: 'ground' });
  }
  const now = command.metadata.now;
  return [
    {
      type: 'ComplaintDeclined',
      data: { ticketId: ticket.ticketId, ground: command.data.ground, reason: requireText(command.data.reason, 'reason'), declinedAt: now },
    },
    ...cancelAllDeadlines(ticket.deadlines, now),
  ];
}
