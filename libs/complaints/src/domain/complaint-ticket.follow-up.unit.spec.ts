import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { ReopenComplaint } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import {
  POLICY,
  T,
  TICKET,
  atAnswered,
  atDecided,
  atFollowedUp,
  citizen,
  clock,
  cmd,
  deadline,
  hospitalA,
  inspector,
  leader,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
const followUp = (rating: string, by = citizen) => cmd('RecordFollowUp', { rating, comment: 'ok' } as never, by, T.followedUp);
const close = (reason?: string, by = inspector) => cmd('CloseComplaint', { reason }, by, T.late);
const reopenAt = '2025-03-11T02:00:00.000Z';
const answer2 = clock(reopenAt, '2025-03-18T15:59:59.999Z', 5);
const reopen = (by = inspector, over: Partial<ReopenComplaint['data']> = {}) =>
  cmd<ReopenComplaint>(
    'ReopenComplaint',
    { reason: 'Refund never arrived', complexity: 'simple', policy: POLICY, answer: answer2, ...over },
    by,
    reopenAt,
  );

describe('ComplaintTicket — follow-up (回访 · 满意度)', () => {
  it('takes the complainant’s own rating through the public entry', () => {
    spec
      .given(atAnswered())
      .when(followUp('satisfied'))
      .then([
        {
          type: 'ComplaintFollowedUp',
          data: { ticketId: TICKET, round: 1, rating: 'satisfied', source: 'complainant', comment: 'ok', followedUpAt: T.followedUp },
        },
      ]);
  });

  it('takes a rating recorded by commission staff after a follow-up call', () => {
    expect(spec.given(atAnswered()).when(followUp('basically-satisfied', leader)).events()).toMatchObject([
      { data: { rating: 'basically-satisfied', source: 'follow-up-call' } },
    ]);
  });

  it('rejects an unknown rating, the institution rating itself, and a rating before the answer', () => {
    spec.given(atAnswered()).when(followUp('meh')).thenThrows('COMPLAINT.INVALID_RATING');
    spec.given(atAnswered()).when(followUp('satisfied', hospitalA)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
    spec.given(atDecided()).when(followUp('satisfied')).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atFollowedUp()).when(followUp('satisfied')).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });
});

describe('ComplaintTicket — close (办结)', () => {
  const closed = (rating: string | null, reason: string | null): ComplaintTicketEvent =>
    ({
      type: 'ComplaintClosed',
      data: { ticketId: TICKET, outcome: 'answered', rating, reason, closedAt: T.late },
    }) as ComplaintTicketEvent;

  it('closes a satisfied ticket', () => {
    spec
      .given(atFollowedUp('satisfied'))
      .when(close())
      .then([closed('satisfied', null)]);
  });

  it('needs a reason to close after dissatisfaction (no 重办) or without any follow-up', () => {
    spec.given(atFollowedUp('dissatisfied')).when(close()).thenThrows('COMPLAINT.CLOSE_REASON_REQUIRED');
    spec
      .given(atFollowedUp('dissatisfied'))
      .when(close('Demand outside the scope of the complaint'))
      .then([closed('dissatisfied', 'Demand outside the scope of the complaint')]);
    spec.given(atAnswered()).when(close()).thenThrows('COMPLAINT.CLOSE_REASON_REQUIRED');
    spec
      .given(atAnswered())
      .when(close('Anonymous, unreachable after 3 attempts'))
      .then([closed(null, 'Anonymous, unreachable after 3 attempts')]);
  });

  it('is for the owner only (here the commission that received it), after the answer', () => {
    spec.given(atFollowedUp()).when(close(undefined, hospitalA)).thenThrows('COMPLAINT.NOT_TICKET_OWNER');
    spec.given(atDecided()).when(close('x')).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });

  it('ends the loop: a closed ticket refuses every step with ALREADY_CLOSED', () => {
    const history = [...atFollowedUp(), closed('satisfied', null)];
    expect(fold(complaintTicketDecider, history)).toMatchObject({ status: 'closed', outcome: 'answered', rating: 'satisfied' });
    spec.given(history).when(close()).thenThrows('COMPLAINT.ALREADY_CLOSED');
    spec.given(history).when(followUp('dissatisfied')).thenThrows('COMPLAINT.ALREADY_CLOSED');
    spec.given(history).when(reopen()).thenThrows('COMPLAINT.ALREADY_CLOSED');
  });
});

describe('ComplaintTicket — reopen (重办)', () => {
  const reopened: ComplaintTicketEvent[] = [
    {
      type: 'ComplaintReopened',
      data: {
        ticketId: TICKET,
        round: 2,
        institutionId: 'hosp-a',
        complexity: 'simple',
        reason: 'Refund never arrived',
        policyVersion: POLICY.policyVersion,
        reopenedAt: reopenAt,
      },
    },
    { type: 'DeadlineSet', data: deadline('answer-2', 'answer', answer2) },
  ];

  it('reopens on valid dissatisfaction: round 2 with a fresh answer deadline', () => {
    spec.given(atFollowedUp('dissatisfied')).when(reopen()).then(reopened);
  });

  it('goes back to the institution, already acknowledged, to decide and answer again', () => {
    const history = [...atFollowedUp('dissatisfied'), ...reopened];
    expect(fold(complaintTicketDecider, history)).toMatchObject({
      status: 'acknowledged',
      round: 2,
      assignment: { institutionId: 'hosp-a' },
    });
    const decide = cmd(
      'DecideComplaint',
      { decision: 'substantiated', findings: 'Refund now paid' },
      hospitalA,
      '2025-03-12T02:00:00.000Z',
    );
    const decidedAgain = spec.given(history).when(decide).events();
    const answerAgain = cmd('AnswerComplaint', { answer: 'Refund paid on 12 March' }, hospitalA, '2025-03-13T02:00:00.000Z');
    expect(
      spec
        .given([...history, ...decidedAgain])
        .when(answerAgain)
        .events(),
    ).toEqual([
      {
        type: 'ComplaintAnswered',
        data: {
          ticketId: TICKET,
          round: 2,
          institutionId: 'hosp-a',
          answer: 'Refund paid on 12 March',
          answeredAt: '2025-03-13T02:00:00.000Z',
          onTime: true,
        },
      },
      { type: 'DeadlineCleared', data: { deadlineId: 'answer-2', clearedAt: '2025-03-13T02:00:00.000Z', outcome: 'met' } },
    ]);
  });

  it('needs dissatisfaction, commission staff, a reason and policy-conform terms', () => {
    spec.given(atFollowedUp('satisfied')).when(reopen()).thenThrows('COMPLAINT.REOPEN_REQUIRES_DISSATISFACTION');
    spec.given(atAnswered()).when(reopen()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atFollowedUp('dissatisfied')).when(reopen(hospitalA)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec.given(atFollowedUp('dissatisfied')).when(reopen(citizen)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    const noReason = reopen(inspector, { reason: '' });
    spec.given(atFollowedUp('dissatisfied')).when(noReason).thenThrows('COMPLAINT.FIELD_REQUIRED');
    const complex = reopen(inspector, { reason: 'r', complexity: 'complex' });
    spec.given(atFollowedUp('dissatisfied')).when(complex).thenThrows('COMPLAINT.TERMS_POLICY_MISMATCH');
  });
});
