import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { DispatchComplaint } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import {
  POLICY,
  T,
  TICKET,
  atAcknowledged,
  atDecided,
  atDispatched,
  atReceived,
  citizen,
  clock,
  cmd,
  dispatched,
  hospitalA,
  hospitalB,
  inspector,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
const acknowledge = (by = hospitalA, now: string = T.acknowledged) => cmd('AcknowledgeComplaint', {}, by, now);
const returnIt = (by = hospitalA) => cmd('ReturnComplaint', { reason: 'Patient was treated at hospital B' }, by, T.acknowledged);

describe('ComplaintTicket — acknowledge (签收)', () => {
  it('acknowledges on time and meets the acknowledge deadline', () => {
    spec
      .given(atDispatched())
      .when(acknowledge())
      .then([
        {
          type: 'ComplaintAcknowledged',
          data: { ticketId: TICKET, round: 1, institutionId: 'hosp-a', acknowledgedAt: T.acknowledged, onTime: true },
        },
        { type: 'DeadlineCleared', data: { deadlineId: 'acknowledge-1', clearedAt: T.acknowledged, outcome: 'met' } },
      ]);
  });

  it('records a late acknowledgement after the deadline expired (nothing left to clear)', () => {
    const expired: ComplaintTicketEvent = {
      type: 'DeadlineExpired',
      data: { deadlineId: 'acknowledge-1', dueAt: T.ackDue, expiredAt: T.ackDue },
    };
    spec
      .given([...atDispatched(), expired])
      .when(acknowledge(hospitalA, T.decided))
      .then([
        {
          type: 'ComplaintAcknowledged',
          data: { ticketId: TICKET, round: 1, institutionId: 'hosp-a', acknowledgedAt: T.decided, onTime: false },
        },
      ]);
  });

  it('is forbidden to another hospital, to commission staff and to the public', () => {
    spec.given(atDispatched()).when(acknowledge(hospitalB)).thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec.given(atDispatched()).when(acknowledge(inspector)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec.given(atDispatched()).when(acknowledge(citizen)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
  });

  it('cannot acknowledge twice or before dispatch', () => {
    spec.given(atAcknowledged()).when(acknowledge()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atReceived()).when(acknowledge()).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });
});

describe('ComplaintTicket — return (退单) and re-dispatch', () => {
  const returned = (clears: string[]): ComplaintTicketEvent[] => [
    {
      type: 'ComplaintReturned',
      data: {
        ticketId: TICKET,
        round: 1,
        institutionId: 'hosp-a',
        reason: 'Patient was treated at hospital B',
        returnedAt: T.acknowledged,
      },
    },
    ...clears.map((deadlineId): ComplaintTicketEvent => ({
      type: 'DeadlineCleared',
      data: { deadlineId, clearedAt: T.acknowledged, outcome: 'cancelled' },
    })),
  ];

  it('returns a dispatched ticket to the owner, cancelling both clocks', () => {
    spec
      .given(atDispatched())
      .when(returnIt())
      .then(returned(['acknowledge-1', 'answer-1']));
  });

  it('returns an acknowledged ticket, cancelling the answer clock', () => {
    spec
      .given(atAcknowledged())
      .when(returnIt())
      .then(returned(['answer-1']));
  });

  it('puts the ticket back with the owner (received, with the reason)', () => {
    const state = fold(complaintTicketDecider, [...atDispatched(), ...returned(['acknowledge-1', 'answer-1'])]);
    expect(state).toMatchObject({
      status: 'received',
      receivingUnit: 'weihai',
      lastReturn: { institutionId: 'hosp-a', reason: 'Patient was treated at hospital B' },
    });
  });

  it('re-dispatches to another institution in round 2 with fresh deadlines', () => {
    const at = '2025-03-05T02:00:00.000Z';
    const ack = clock(at, '2025-03-06T15:59:59.999Z', 1);
    const answer = clock(at, '2025-03-12T15:59:59.999Z', 5);
    const redispatch = cmd<DispatchComplaint>(
      'DispatchComplaint',
      { institutionId: 'hosp-b', complexity: 'simple', policy: POLICY, acknowledge: ack, answer },
      inspector,
      at,
    );
    spec
      .given([...atDispatched(), ...returned(['acknowledge-1', 'answer-1'])])
      .when(redispatch)
      .then(dispatched(2, 'hosp-b', at, ack, answer));
  });

  it('requires a reason, the assigned hospital, and no decision yet', () => {
    spec
      .given(atDispatched())
      .when(cmd('ReturnComplaint', { reason: '' }, hospitalA, T.acknowledged))
      .thenThrows('COMPLAINT.FIELD_REQUIRED');
    spec.given(atDispatched()).when(returnIt(hospitalB)).thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec.given(atDecided()).when(returnIt()).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });
});

describe('ComplaintTicket — investigate and decide (调查核实 · 处理意见)', () => {
  const decide = (data: object, by = hospitalA) =>
    cmd('DecideComplaint', { decision: 'substantiated', findings: 'Confirmed by ward records', ...data } as never, by, T.decided);

  it('records investigation notes', () => {
    spec
      .given(atAcknowledged())
      .when(cmd('RecordInvestigationNote', { note: 'Interviewed the ward nurse' }, hospitalA, T.decided))
      .then([
        {
          type: 'ComplaintInvestigationNoted',
          data: { ticketId: TICKET, round: 1, note: 'Interviewed the ward nurse', notedAt: T.decided },
        },
      ]);
    spec
      .given(atDispatched())
      .when(cmd('RecordInvestigationNote', { note: 'x' }, hospitalA, T.decided))
      .thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec
      .given(atAcknowledged())
      .when(cmd('RecordInvestigationNote', { note: 'x' }, hospitalB, T.decided))
      .thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
  });

  it('decides substantiated, implicating the named staff member', () => {
    spec
      .given(atAcknowledged())
      .when(decide({ implicatedStaffId: 'staff-9' }))
      .then([
        {
          type: 'ComplaintDecided',
          data: {
            ticketId: TICKET,
            round: 1,
            institutionId: 'hosp-a',
            category: 'red-envelopes-kickbacks',
            decision: 'substantiated',
            findings: 'Confirmed by ward records',
            implicatedStaffId: 'staff-9',
            decidedAt: T.decided,
          },
        },
      ]);
  });

  it('decides partly substantiated without anyone implicated', () => {
    expect(
      spec
        .given(atAcknowledged())
        .when(decide({ decision: 'partly-substantiated' }))
        .events(),
    ).toMatchObject([{ type: 'ComplaintDecided', data: { decision: 'partly-substantiated', implicatedStaffId: null } }]);
  });

  it.each<[object, string]>([
    [{ decision: 'maybe' }, 'COMPLAINT.INVALID_DECISION'],
    [{ findings: ' ' }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ decision: 'not-substantiated', implicatedStaffId: 'staff-9' }, 'COMPLAINT.STAFF_WITHOUT_SUBSTANCE'],
  ])('rejects %j with %s', (data, code) => {
    spec.given(atAcknowledged()).when(decide(data)).thenThrows(code);
  });

  it('decides only once per round, only after acknowledging, only by the assigned hospital', () => {
    spec.given(atDecided()).when(decide({})).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atDispatched()).when(decide({})).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atAcknowledged()).when(decide({}, inspector)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
  });
});

describe('ComplaintTicket — answer (反馈)', () => {
  const answer = (by = hospitalA, now: string = T.answered) => cmd('AnswerComplaint', { answer: 'Refunded; staff disciplined' }, by, now);

  it('answers on time and meets the answer deadline', () => {
    spec
      .given(atDecided())
      .when(answer())
      .then([
        {
          type: 'ComplaintAnswered',
          data: {
            ticketId: TICKET,
            round: 1,
            institutionId: 'hosp-a',
            answer: 'Refunded; staff disciplined',
            answeredAt: T.answered,
            onTime: true,
          },
        },
        { type: 'DeadlineCleared', data: { deadlineId: 'answer-1', clearedAt: T.answered, outcome: 'met' } },
      ]);
  });

  it('answers late (before the wake-up came) as not on time', () => {
    expect(spec.given(atDecided()).when(answer(hospitalA, T.late)).events()).toMatchObject([
      { type: 'ComplaintAnswered', data: { onTime: false } },
      { type: 'DeadlineCleared', data: { deadlineId: 'answer-1' } },
    ]);
  });

  it('requires a decision first, text, and the assigned hospital', () => {
    spec.given(atAcknowledged()).when(answer()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec
      .given(atDecided())
      .when(cmd('AnswerComplaint', { answer: '' }, hospitalA, T.answered))
      .thenThrows('COMPLAINT.FIELD_REQUIRED');
    spec.given(atDecided()).when(answer(hospitalB)).thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec.given(atDecided()).when(answer(citizen)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
  });
});
