import { DeciderSpecification } from '@bihuan/testing';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { DispatchComplaint, ReceiveComplaint } from './complaint-ticket.commands';
import {
  POLICY,
  T,
  TICKET,
  ackTerms,
  answerTerms,
  atAcknowledged,
  atDispatched,
  atReceived,
  citizen,
  clock,
  cmd,
  deadline,
  dispatched,
  hospitalA,
  inspector,
  receiveData,
  received,
  system,
  leader,
} from './complaint-ticket.fixtures';
import { fold } from '@bihuan/core';

const spec = DeciderSpecification(complaintTicketDecider);

const receive = (over: Partial<ReceiveComplaint['data']> = {}, by = citizen) =>
  cmd<ReceiveComplaint>('ReceiveComplaint', receiveData(over), by, T.received);
const dispatchData = (over: Partial<DispatchComplaint['data']> = {}): DispatchComplaint['data'] => ({
  institutionId: 'hosp-a',
  complexity: 'simple',
  policy: POLICY,
  acknowledge: ackTerms,
  answer: answerTerms,
  ...over,
});
const dispatch = (over: Partial<DispatchComplaint['data']> = {}, by = inspector) =>
  cmd<DispatchComplaint>('DispatchComplaint', dispatchData(over), by, T.dispatched);

describe('ComplaintTicket — receive (受理)', () => {
  it('receives an anonymous web complaint with no subject on the record', () => {
    const events = spec.given([]).when(receive()).events();
    expect(events).toEqual([received()]);
    expect(JSON.stringify(events)).not.toContain('subjectId');
  });

  it('receives a named complainant as subject id + ciphertext only', () => {
    spec
      .given([])
      .when(receive({ complainant: { kind: 'named', subjectId: 'subj-1', identityCiphertext: 'sm4:ZZZ' } }))
      .then([received(true)]);
  });

  it('records the complainant’s consent to status SMS only when given, so other tickets read as before', () => {
    const named = { kind: 'named', subjectId: 'subj-1', identityCiphertext: 'sm4:ZZZ' } as const;
    expect(
      spec
        .given([])
        .when(receive({ complainant: named, notifyBySms: true }))
        .events(),
    ).toEqual([{ ...received(true), data: { ...received(true).data, notifyBySms: true } }]);
    expect(
      spec
        .given([])
        .when(receive({ complainant: named, notifyBySms: false }))
        .events(),
    ).toEqual([received(true)]);
  });

  it('defaults the receiving unit (首诉负责) to the staff member’s unit', () => {
    expect(
      spec
        .given([])
        .when(receive({ channel: 'hotline', receivingUnit: undefined }, inspector))
        .events(),
    ).toMatchObject([{ type: 'ComplaintReceived', data: { receivingUnit: 'weihai', channel: 'hotline' } }]);
  });

  it('accepts a 12345 transfer from the system with its external reference', () => {
    expect(
      spec
        .given([])
        .when(receive({ channel: '12345', externalReference: '12345-2025-0001' }, system))
        .events(),
    ).toMatchObject([{ type: 'ComplaintReceived', data: { channel: '12345', externalReference: '12345-2025-0001' } }]);
  });

  it.each<[Partial<ReceiveComplaint['data']>, string]>([
    [{ channel: 'fax' as never }, 'COMPLAINT.INVALID_CHANNEL'],
    [{ category: 'parking' as never }, 'COMPLAINT.INVALID_CATEGORY'],
    [{ description: '  ' }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ description: 'x'.repeat(5001) }, 'COMPLAINT.TEXT_TOO_LONG'],
    [{ ticketCode: '' }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ secretHash: '' }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ receivingUnit: undefined }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ complainant: { kind: 'named', subjectId: 'subj-1', identityCiphertext: '' } }, 'COMPLAINT.IDENTITY_REQUIRED'],
    [{ complainant: { kind: 'anonymous', subjectId: 's' } as never }, 'COMPLAINT.ANONYMOUS_WITH_IDENTITY'],
    [{ complainant: undefined as never }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ channel: 'hotline' as const }, 'COMPLAINT.PUBLIC_WEB_ONLY'],
  ])('rejects %j with %s', (over, code) => {
    spec.given([]).when(receive(over)).thenThrows(code);
  });

  it('takes from a hospital only what its own complaint office receives (see the hospital intake spec)', () => {
    spec.given([]).when(receive({}, hospitalA)).thenThrows('COMPLAINT.HOSPITAL_CHANNEL');
  });

  it('takes a partner agency’s lead only as an agency transfer to the commission it names (交办线索)', () => {
    const partner = { id: 'p-police', role: 'partner' as const, unit: 'agency-police' };
    const lead = { channel: 'agency-transfer' as const, externalReference: 'LEAD-1', receivingUnit: 'weihai' };
    const [event] = spec.given([]).when(receive(lead, partner)).events();
    expect(event).toMatchObject({
      type: 'ComplaintReceived',
      data: { channel: 'agency-transfer', receivingUnit: 'weihai', externalReference: 'LEAD-1', fromAgency: 'agency-police' },
    });
    spec
      .given([])
      .when(receive({ ...lead, channel: 'letter' }, partner))
      .thenThrows('COMPLAINT.AGENCY_TRANSFER_ONLY');
    spec
      .given([])
      .when(receive({ ...lead, receivingUnit: undefined }, partner))
      .thenThrows('COMPLAINT.AGENCY_TRANSFER_ONLY');
  });

  it('refuses to receive the same ticket twice', () => {
    spec.given(atReceived()).when(receive()).thenThrows('COMPLAINT.ALREADY_RECEIVED');
  });

  it('answers any other command on an unknown ticket with NOT_FOUND', () => {
    spec.given([]).when(dispatch()).thenThrows('COMPLAINT.NOT_FOUND');
  });
});

describe('ComplaintTicket — resolve on the spot (当场办结)', () => {
  const resolve = (by = inspector) =>
    cmd('ResolveComplaintOnTheSpot', { resolution: 'Explained the fee; refunded at the window' }, by, T.dispatched);

  it('resolves and closes in one step', () => {
    spec
      .given(atReceived())
      .when(resolve())
      .then([
        {
          type: 'ComplaintResolvedOnTheSpot',
          data: { ticketId: TICKET, resolution: 'Explained the fee; refunded at the window', resolvedAt: T.dispatched },
        },
        {
          type: 'ComplaintClosed',
          data: { ticketId: TICKET, outcome: 'resolved-on-the-spot', rating: null, reason: null, closedAt: T.dispatched },
        },
      ]);
  });

  it('is not on the spot once the ticket was dispatched and returned', () => {
    const returned = {
      type: 'ComplaintReturned' as const,
      data: { ticketId: TICKET, round: 1, institutionId: 'hosp-a', reason: 'not ours', returnedAt: T.acknowledged },
    };
    spec
      .given([...atDispatched(), returned])
      .when(resolve())
      .thenThrows('COMPLAINT.NOT_ON_THE_SPOT');
  });

  it('is forbidden to the public and rejected after dispatch', () => {
    spec.given(atReceived()).when(resolve(citizen)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec.given(atDispatched()).when(resolve()).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });
});

describe('ComplaintTicket — dispatch (转办/派单)', () => {
  it('dispatches with acknowledge and answer deadlines recording the policy', () => {
    spec.given(atReceived()).when(dispatch()).then(dispatched());
  });

  it('uses the complex limit (10 working days) for several departments', () => {
    const answer = clock(T.received, '2025-03-17T16:00:00.000Z', 10);
    const events = spec
      .given(atReceived())
      .when(dispatch({ complexity: 'complex', departmentIds: ['d1', 'd2'], answer }))
      .events();
    expect(events[2]).toEqual({ type: 'DeadlineSet', data: deadline('answer-1', 'answer', answer) });
    expect(events[0]).toMatchObject({ data: { complexity: 'complex', departmentIds: ['d1', 'd2'] } });
  });

  it.each<[Partial<DispatchComplaint['data']>, string]>([
    [{ departmentIds: ['d1', 'd2'] }, 'COMPLAINT.COMPLEXITY_MISMATCH'],
    [{ complexity: 'hard' as never }, 'COMPLAINT.INVALID_COMPLEXITY'],
    [{ institutionId: '' }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ departmentIds: [''] }, 'COMPLAINT.FIELD_REQUIRED'],
    [{ answer: { ...answerTerms, workingDays: 7 } }, 'COMPLAINT.TERMS_POLICY_MISMATCH'],
    [{ acknowledge: { ...ackTerms, dueAt: 'tomorrow' } }, 'COMPLAINT.INVALID_TERMS'],
    [{ acknowledge: { ...ackTerms, dueAt: T.received } }, 'COMPLAINT.INVALID_TERMS'],
    [{ answer: { ...answerTerms, warnAt: ['2025-03-12T00:00:00.000Z'] } }, 'COMPLAINT.INVALID_TERMS'],
    [{ answer: { ...answerTerms, calendarVersion: '' } }, 'COMPLAINT.INVALID_TERMS'],
    [{ policy: { ...POLICY, acknowledgeWorkingDays: 0 } }, 'COMPLAINT.INVALID_POLICY'],
  ])('rejects %j with %s', (over, code) => {
    spec.given(atReceived()).when(dispatch(over)).thenThrows(code);
  });

  it('only commission staff dispatch a ticket the commission received', () => {
    spec.given(atReceived()).when(dispatch({}, hospitalA)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
    spec.given(atReceived()).when(dispatch({}, citizen)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec.given(atReceived()).when(dispatch({}, leader)).then(dispatched());
  });

  it('cannot dispatch a ticket an institution already holds', () => {
    spec.given(atDispatched()).when(dispatch()).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });
});

describe('ComplaintTicket — decline as out of scope (不予受理)', () => {
  const decline = (over: object = {}, by = inspector) =>
    cmd('DeclineComplaint', { ground: 'litigation', reason: 'Already before the district court', ...over }, by, T.decided);

  it('declines a received ticket', () => {
    spec
      .given(atReceived())
      .when(decline())
      .then([
        {
          type: 'ComplaintDeclined',
          data: { ticketId: TICKET, ground: 'litigation', reason: 'Already before the district court', declinedAt: T.decided },
        },
      ]);
  });

  it('declines a ticket under investigation and cancels its running clocks', () => {
    spec
      .given(atAcknowledged())
      .when(decline({ ground: 'petition' }))
      .then([
        {
          type: 'ComplaintDeclined',
          data: { ticketId: TICKET, ground: 'petition', reason: 'Already before the district court', declinedAt: T.decided },
        },
        { type: 'DeadlineCleared', data: { deadlineId: 'answer-1', clearedAt: T.decided, outcome: 'cancelled' } },
      ]);
  });

  it('ends the loop: the ticket is declined and further commands conflict', () => {
    const state = fold(complaintTicketDecider, [...atReceived(), ...spec.given(atReceived()).when(decline()).events()]);
    expect(state.status).toBe('declined');
    spec
      .given([...atReceived(), ...spec.given(atReceived()).when(decline()).events()])
      .when(dispatch())
      .thenThrows('COMPLAINT.ALREADY_CLOSED');
  });

  it.each([
    [{ ground: 'court' }, 'COMPLAINT.INVALID_DECLINE_GROUND'],
    [{ reason: '' }, 'COMPLAINT.FIELD_REQUIRED'],
  ])('rejects %j with %s', (over, code) => {
    spec.given(atReceived()).when(decline(over)).thenThrows(code);
  });

  it('is forbidden to the institution', () => {
    spec.given(atDispatched()).when(decline({}, hospitalA)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
  });
});
