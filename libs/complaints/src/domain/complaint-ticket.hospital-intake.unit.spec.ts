import { fold, foldVisibility, Message, Reader } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { DispatchComplaint, EscalateComplaint, ReceiveComplaint } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import {
  POLICY,
  T,
  TICKET,
  ackTerms,
  acknowledged,
  answerTerms,
  answered,
  cmd,
  decided,
  dispatched,
  hospitalA,
  hospitalB,
  inspector,
  receiveData,
} from './complaint-ticket.fixtures';
import { complaintTicketVisibility, decideTicketRead } from './complaint-ticket.visibility';

const spec = DeciderSpecification(complaintTicketDecider);

/** What hosp-a's complaint office takes in at its own window: about itself, owned by itself. */
const atWindow = (over: Partial<ReceiveComplaint['data']> = {}, by = hospitalA) =>
  cmd<ReceiveComplaint>(
    'ReceiveComplaint',
    receiveData({ channel: 'window', receivingUnit: undefined, institutionId: undefined, ...over }),
    by,
    T.received,
  );
const receivedAtWindow = (): ComplaintTicketEvent => ({
  type: 'ComplaintReceived',
  data: {
    ticketId: TICKET,
    ticketCode: 'WH-7Q2K',
    secretHash: 'sm3:abc',
    channel: 'window',
    category: 'red-envelopes-kickbacks',
    description: 'Asked for a red envelope before surgery',
    complainant: { kind: 'anonymous' },
    institutionId: 'hosp-a',
    departmentId: null,
    staffId: 'staff-9',
    externalReference: null,
    receivingUnit: 'hosp-a',
    receivedAt: T.received,
  },
});
const toItself = (by = hospitalA, institutionId = 'hosp-a') =>
  cmd<DispatchComplaint>(
    'DispatchComplaint',
    { institutionId, complexity: 'simple', policy: POLICY, acknowledge: ackTerms, answer: answerTerms },
    by,
    T.dispatched,
  );
const escalate = (by = hospitalA, commissionUnit = 'weihai') =>
  cmd<EscalateComplaint>('EscalateComplaint', { reason: '涉及本院领导，本院不宜自行处理', commissionUnit }, by, T.acknowledged);
const escalated = (round: number): ComplaintTicketEvent => ({
  type: 'ComplaintEscalated',
  data: {
    ticketId: TICKET,
    round,
    fromUnit: 'hosp-a',
    toUnit: 'weihai',
    reason: '涉及本院领导，本院不宜自行处理',
    escalatedAt: T.acknowledged,
  },
});

describe('ComplaintTicket — 首诉负责 at the hospital: receive', () => {
  it('receives at its own window about itself, and owns it: receiving unit and institution are its own', () => {
    spec.given([]).when(atWindow()).then([receivedAtWindow()]);
    spec
      .given([])
      .when(atWindow({ institutionId: 'hosp-a', receivingUnit: 'hosp-a', channel: 'hotline' }))
      .then([{ ...receivedAtWindow(), data: { ...receivedAtWindow().data, channel: 'hotline' } } as ComplaintTicketEvent]);
  });

  it.each<[Partial<ReceiveComplaint['data']>, string]>([
    [{ channel: 'web' }, 'COMPLAINT.HOSPITAL_CHANNEL'],
    [{ channel: '12345' }, 'COMPLAINT.HOSPITAL_CHANNEL'],
    [{ institutionId: 'hosp-b' }, 'COMPLAINT.NOT_OWN_INSTITUTION'],
    [{ receivingUnit: 'weihai' }, 'COMPLAINT.NOT_OWN_INSTITUTION'],
  ])('refuses %j with %s', (over, code) => {
    spec.given([]).when(atWindow(over)).thenThrows(code);
  });
});

describe('ComplaintTicket — 首诉负责 at the hospital: its own steps', () => {
  it('resolves on the spot (当场办结) a ticket it received, never one another unit received', () => {
    const resolve = (by = hospitalA) => cmd('ResolveComplaintOnTheSpot', { resolution: '当场退还多收费用' }, by, T.dispatched);
    expect(
      spec
        .given([receivedAtWindow()])
        .when(resolve())
        .events()
        .map((e) => e.type),
    ).toEqual(['ComplaintResolvedOnTheSpot', 'ComplaintClosed']);
    spec.given([receivedAtWindow()]).when(resolve(hospitalB)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
  });

  it('handles it itself (自行办理): dispatched to itself with both clocks, then the usual acknowledge → answer path', () => {
    spec.given([receivedAtWindow()]).when(toItself()).then(dispatched());
    spec
      .given([receivedAtWindow(), ...dispatched()])
      .when(cmd('AcknowledgeComplaint', {}, hospitalA, T.acknowledged))
      .then(acknowledged());
  });

  it('dispatches to no other institution, and another hospital dispatches nothing of it', () => {
    spec.given([receivedAtWindow()]).when(toItself(hospitalA, 'hosp-b')).thenThrows('COMPLAINT.SELF_DISPATCH_ONLY');
    spec.given([receivedAtWindow()]).when(toItself(hospitalB, 'hosp-b')).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
  });

  it('records the follow-up call and closes what it answered itself; the commission may still do both', () => {
    const history = [receivedAtWindow(), ...dispatched(), ...acknowledged(), decided(), ...answered()];
    const followUp = (by = hospitalA) => cmd('RecordFollowUp', { rating: 'satisfied' }, by, T.followedUp);
    expect(spec.given(history).when(followUp()).events()).toMatchObject([
      { type: 'ComplaintFollowedUp', data: { source: 'follow-up-call' } },
    ]);
    spec.given(history).when(followUp(hospitalB)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
    expect(
      spec
        .given(history)
        .when(cmd('CloseComplaint', { reason: '已电话回访' }, hospitalA, T.followedUp))
        .events(),
    ).toMatchObject([{ type: 'ComplaintClosed', data: { outcome: 'answered' } }]);
    expect(spec.given(history).when(followUp(inspector)).events()).toHaveLength(1);
  });
});

describe('ComplaintTicket — 上报卫健委 (escalation)', () => {
  it('hands a received ticket to the commission: received there, the round kept', () => {
    spec
      .given([receivedAtWindow()])
      .when(escalate())
      .then([escalated(0)]);
    const state = fold(complaintTicketDecider, [receivedAtWindow(), escalated(0)]);
    expect(state).toMatchObject({ status: 'received', receivingUnit: 'weihai', concernedInstitutionId: 'hosp-a', round: 0 });
  });

  it('hands over one it handles itself before deciding it, its running clocks cancelled', () => {
    const handling = [receivedAtWindow(), ...dispatched(), ...acknowledged()];
    spec
      .given(handling)
      .when(escalate())
      .then([escalated(1), { type: 'DeadlineCleared', data: { deadlineId: 'answer-1', clearedAt: T.acknowledged, outcome: 'cancelled' } }]);
    const after = fold(complaintTicketDecider, [...handling, escalated(1)]);
    expect(after).toMatchObject({ status: 'received', receivingUnit: 'weihai', round: 1 });
    // The commission dispatches it as any ticket received there: a new round.
    const redispatch = cmd<DispatchComplaint>(
      'DispatchComplaint',
      { institutionId: 'hosp-a', complexity: 'simple', policy: POLICY, acknowledge: ackTerms, answer: answerTerms },
      inspector,
      T.acknowledged,
    );
    expect(
      spec
        .given([...handling, escalated(1)])
        .when(redispatch)
        .events()[0],
    ).toMatchObject({ data: { round: 2 } });
  });

  it('is the receiving hospital’s step only, before its decision, to the commission above it', () => {
    spec.given([receivedAtWindow()]).when(escalate(inspector)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec.given([receivedAtWindow()]).when(escalate(hospitalB)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
    spec.given([receivedAtWindow()]).when(escalate(hospitalA, 'hosp-a')).thenThrows('COMPLAINT.NOT_ESCALATABLE');
    spec.given([receivedAtWindow()]).when(escalate(hospitalA, '')).thenThrows('COMPLAINT.FIELD_REQUIRED');
    const decidedItself = [receivedAtWindow(), ...dispatched(), ...acknowledged(), decided()];
    spec.given(decidedItself).when(escalate()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec
      .given([receivedAtWindow(), escalated(0)])
      .when(escalate())
      .thenThrows('COMPLAINT.NOT_TICKET_OWNER');
  });

  it('refuses to hand over a ticket the commission dispatched to another institution', () => {
    spec
      .given([receivedAtWindow(), ...dispatched(1, 'hosp-b')])
      .when(escalate())
      .thenThrows('COMPLAINT.NOT_ESCALATABLE');
  });
});

describe('ComplaintTicket visibility — the receiving hospital', () => {
  const ownership = (events: readonly ComplaintTicketEvent[]) =>
    foldVisibility(
      complaintTicketVisibility,
      events.map((e) => ({ ...e, metadata: {} as Message['metadata'] })),
    );
  const reader = (actor: typeof hospitalA): Reader => ({ actor, covers: () => false });

  it('keeps reading what it escalated; another hospital never reads it', () => {
    const state = ownership([receivedAtWindow(), escalated(0)]);
    expect(decideTicketRead(reader(hospitalA), state).kind).toBe('granted');
    expect(decideTicketRead(reader(hospitalB), state).kind).toBe('forbidden');
    expect(state.receivingUnit).toBe('weihai');
  });
});
