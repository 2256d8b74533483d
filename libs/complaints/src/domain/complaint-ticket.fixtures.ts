import { Actor, DeadlineSet, DeadlineTerms } from '@bihuan/core';
import { ClockTerms, DEFAULT_COMPLAINT_POLICY } from './complaint-policy';
import { ComplaintTicketCommand, ReceiveComplaint } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';

/**
 * Test fixtures for ComplaintTicket specs (not exported from the lib): actors, fixed instants
 * (Asia/Shanghai working days of March 2025, written in UTC) and literal events of a ticket's life.
 */
export const T = {
  received: '2025-03-03T02:00:00.000Z',
  ackDue: '2025-03-04T15:59:59.999Z',
  ackWarn: '2025-03-03T16:00:00.000Z',
  dispatched: '2025-03-03T03:00:00.000Z',
  acknowledged: '2025-03-04T01:00:00.000Z',
  answerDue: '2025-03-10T15:59:59.999Z',
  answerWarn: '2025-03-09T16:00:00.000Z',
  decided: '2025-03-06T02:00:00.000Z',
  answered: '2025-03-07T02:00:00.000Z',
  followedUp: '2025-03-10T02:00:00.000Z',
  late: '2025-03-11T01:00:00.000Z',
  supervisionDue: '2025-03-18T15:59:59.999Z',
  supervisionWarn: '2025-03-17T16:00:00.000Z',
} as const;

export const TICKET = 'tk-1';
export const CALENDAR = 'cn-2025@chinese-days-1.5.7';
export const POLICY = DEFAULT_COMPLAINT_POLICY;

const actor = (id: string, role: Actor['role'], unit: string): Actor => ({ id, role, unit });
export const inspector = actor('u-insp', 'inspector', 'weihai');
export const leader = actor('u-lead', 'leader', 'weihai');
export const admin = actor('u-admin', 'admin', 'weihai');
export const hospitalA = actor('u-ha', 'hospital', 'hosp-a');
export const hospitalB = actor('u-hb', 'hospital', 'hosp-b');
export const citizen = actor('public', 'public', 'public');
export const system = actor('system', 'system', 'root');

let counter = 0;
/** A command with metadata; ids are unique per call, `now` and the actor as given. */
export function cmd<C extends ComplaintTicketCommand>(type: C['type'], data: C['data'], by: Actor, now: string): C {
  counter += 1;
  return { type, data, metadata: { commandId: `c-${counter}`, correlationId: 'corr-1', causationId: null, actor: by, now } } as C;
}

export function clock(startedAt: string, dueAt: string, workingDays: number, warnAt: string[] = []): ClockTerms {
  return { startedAt, dueAt, workingDays, calendarVersion: CALENDAR, warnAt };
}
export const ackTerms = clock(T.received, T.ackDue, 1, [T.ackWarn]);
export const answerTerms = clock(T.received, T.answerDue, 5, [T.answerWarn]);
export const supervisionTerms = clock(T.late, T.supervisionDue, 5, [T.supervisionWarn]);

export function deadline(deadlineId: string, purpose: string, terms: ClockTerms): DeadlineTerms {
  return {
    deadlineId,
    purpose,
    ...terms,
    warnAt: [...terms.warnAt],
    policy: { ...POLICY, answerWorkingDays: { ...POLICY.answerWorkingDays } },
  };
}
const set = (terms: DeadlineTerms): DeadlineSet => ({ type: 'DeadlineSet', data: terms });

/** What the intake carries, the same in the command and in the event it records. */
const intake = {
  ticketId: TICKET,
  ticketCode: 'WH-7Q2K',
  secretHash: 'sm3:abc',
  channel: 'web',
  category: 'red-envelopes-kickbacks',
  description: 'Asked for a red envelope before surgery',
  institutionId: 'hosp-a',
  staffId: 'staff-9',
  receivingUnit: 'weihai',
} as const;

export const receiveData = (over: Partial<ReceiveComplaint['data']> = {}): ReceiveComplaint['data'] => ({
  ...intake,
  complainant: { kind: 'anonymous' },
  ...over,
});

export const received = (named = false): ComplaintTicketEvent => ({
  type: 'ComplaintReceived',
  data: {
    ...intake,
    complainant: named ? { kind: 'named', subjectId: 'subj-1', identityCiphertext: 'sm4:ZZZ' } : { kind: 'anonymous' },
    departmentId: null,
    externalReference: null,
    receivedAt: T.received,
  },
});

export const dispatched = (
  round = 1,
  institutionId = 'hosp-a',
  at: string = T.dispatched,
  ack = ackTerms,
  ans = answerTerms,
): ComplaintTicketEvent[] => [
  {
    type: 'ComplaintDispatched',
    data: {
      ticketId: TICKET,
      round,
      institutionId,
      departmentIds: [],
      complexity: 'simple',
      policyVersion: POLICY.policyVersion,
      dispatchedAt: at,
    },
  },
  set(deadline(`acknowledge-${round}`, 'acknowledge', ack)),
  set(deadline(`answer-${round}`, 'answer', ans)),
];

export const acknowledged = (round = 1, institutionId = 'hosp-a'): ComplaintTicketEvent[] => [
  { type: 'ComplaintAcknowledged', data: { ticketId: TICKET, round, institutionId, acknowledgedAt: T.acknowledged, onTime: true } },
  { type: 'DeadlineCleared', data: { deadlineId: `acknowledge-${round}`, clearedAt: T.acknowledged, outcome: 'met' } },
];

export const decided = (decision: 'substantiated' | 'not-substantiated' = 'substantiated', round = 1): ComplaintTicketEvent => ({
  type: 'ComplaintDecided',
  data: {
    ticketId: TICKET,
    round,
    institutionId: 'hosp-a',
    category: 'red-envelopes-kickbacks',
    decision,
    findings: 'Confirmed by ward records',
    implicatedStaffId: decision === 'substantiated' ? 'staff-9' : null,
    decidedAt: T.decided,
  },
});

export const answered = (round = 1): ComplaintTicketEvent[] => [
  {
    type: 'ComplaintAnswered',
    data: { ticketId: TICKET, round, institutionId: 'hosp-a', answer: 'Refunded; staff disciplined', answeredAt: T.answered, onTime: true },
  },
  { type: 'DeadlineCleared', data: { deadlineId: `answer-${round}`, clearedAt: T.answered, outcome: 'met' } },
];

export const followedUp = (rating: 'satisfied' | 'dissatisfied' = 'satisfied', round = 1): ComplaintTicketEvent => ({
  type: 'ComplaintFollowedUp',
  data: { ticketId: TICKET, round, rating, source: 'complainant', comment: null, followedUpAt: T.followedUp },
});

/** The ticket at each step of the happy path (round 1, institution hosp-a). */
export const atReceived = (): ComplaintTicketEvent[] => [received()];
export const atDispatched = (): ComplaintTicketEvent[] => [...atReceived(), ...dispatched()];
export const atAcknowledged = (): ComplaintTicketEvent[] => [...atDispatched(), ...acknowledged()];
export const atDecided = (decision: 'substantiated' | 'not-substantiated' = 'substantiated'): ComplaintTicketEvent[] => [
  ...atAcknowledged(),
  decided(decision),
];
export const atAnswered = (): ComplaintTicketEvent[] => [...atDecided(), ...answered()];
export const atFollowedUp = (rating: 'satisfied' | 'dissatisfied' = 'satisfied'): ComplaintTicketEvent[] => [
  ...atAnswered(),
  followedUp(rating),
];
