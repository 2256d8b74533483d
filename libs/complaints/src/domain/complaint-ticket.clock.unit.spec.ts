import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { ExpireDeadline, SuperviseComplaint, WarnDeadline } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { expiryNeedsNext } from './complaint-ticket.state';
import {
  POLICY,
  T,
  TICKET,
  atAcknowledged,
  atAnswered,
  atDecided,
  atDispatched,
  atFollowedUp,
  deadline,
  cmd,
  hospitalA,
  inspector,
  supervisionTerms,
  system,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
const warn = (deadlineId: string, warnAt: string, dueAt: string, by = system) =>
  cmd<WarnDeadline>('WarnDeadline', { deadlineId, warnAt, dueAt }, by, warnAt);
const expire = (deadlineId: string, dueAt: string, next?: ExpireDeadline['data']['next'], now: string = T.late) =>
  cmd<ExpireDeadline>('ExpireDeadline', { deadlineId, dueAt, ...(next ? { next } : {}) }, system, now);
const next = { policy: POLICY, supervision: supervisionTerms };

const supervised = (trigger: 'answer-overdue' | 'commission', reason: string | null): ComplaintTicketEvent[] => [
  {
    type: 'ComplaintSupervised',
    data: {
      ticketId: TICKET,
      round: 1,
      institutionId: 'hosp-a',
      trigger,
      reason,
      policyVersion: POLICY.policyVersion,
      supervisedAt: T.late,
    },
  },
  { type: 'DeadlineSet', data: deadline('supervision-1', 'supervision', supervisionTerms) },
];
const answerExpired: ComplaintTicketEvent = {
  type: 'DeadlineExpired',
  data: { deadlineId: 'answer-1', dueAt: T.answerDue, expiredAt: T.late },
};
const atSupervised = (): ComplaintTicketEvent[] => [...atAcknowledged(), answerExpired, ...supervised('answer-overdue', null)];

describe('ComplaintTicket — reminder (催办)', () => {
  const reminded: ComplaintTicketEvent[] = [
    { type: 'DeadlineWarned', data: { deadlineId: 'answer-1', warnAt: T.answerWarn, dueAt: T.answerDue } },
    {
      type: 'ComplaintReminded',
      data: {
        ticketId: TICKET,
        round: 1,
        institutionId: 'hosp-a',
        deadlineId: 'answer-1',
        purpose: 'answer',
        dueAt: T.answerDue,
        remindedAt: T.answerWarn,
      },
    },
  ];

  it('reminds the institution one working day before the answer deadline', () => {
    spec
      .given(atAcknowledged())
      .when(warn('answer-1', T.answerWarn, T.answerDue))
      .then(reminded);
  });

  it('ignores a duplicate, a stale (moved deadline) and a late (step done) warning', () => {
    spec
      .given([...atAcknowledged(), ...reminded])
      .when(warn('answer-1', T.answerWarn, T.answerDue))
      .thenNothing();
    spec
      .given(atAcknowledged())
      .when(warn('answer-1', T.answerWarn, '2025-03-20T15:59:59.999Z'))
      .thenNothing();
    spec
      .given(atAnswered())
      .when(warn('answer-1', T.answerWarn, T.answerDue))
      .thenNothing();
    spec
      .given([])
      .when(warn('answer-1', T.answerWarn, T.answerDue))
      .thenNothing();
  });

  it('takes wake-ups from timers only', () => {
    spec
      .given(atAcknowledged())
      .when(warn('answer-1', T.answerWarn, T.answerDue, inspector))
      .thenThrows('COMPLAINT.SYSTEM_ONLY');
  });
});

describe('ComplaintTicket — expiry, supervision (督办) and public notice (通报)', () => {
  it('records an overdue acknowledgement without escalating', () => {
    spec
      .given(atDispatched())
      .when(expire('acknowledge-1', T.ackDue, undefined, T.ackDue))
      .then([{ type: 'DeadlineExpired', data: { deadlineId: 'acknowledge-1', dueAt: T.ackDue, expiredAt: T.ackDue } }]);
  });

  it('supervises an overdue answer with its own deadline from data.next', () => {
    spec
      .given(atAcknowledged())
      .when(expire('answer-1', T.answerDue, next))
      .then([answerExpired, ...supervised('answer-overdue', null)]);
  });

  it('tells the application layer which expiry needs next terms', () => {
    expect(expiryNeedsNext(fold(complaintTicketDecider, atAcknowledged()), 'answer-1')).toBe('supervision');
    expect(expiryNeedsNext(fold(complaintTicketDecider, atAcknowledged()), 'acknowledge-1')).toBeNull();
    expect(expiryNeedsNext(fold(complaintTicketDecider, atSupervised()), 'supervision-1')).toBeNull();
  });

  it('refuses an overdue answer without supervision terms, or with terms off the policy', () => {
    spec.given(atAcknowledged()).when(expire('answer-1', T.answerDue)).thenThrows('COMPLAINT.NEXT_TERMS_REQUIRED');
    const bad = { policy: POLICY, supervision: { ...supervisionTerms, workingDays: 3 } };
    spec
      .given(atAcknowledged())
      .when(expire('answer-1', T.answerDue, bad))
      .thenThrows('COMPLAINT.TERMS_POLICY_MISMATCH');
  });

  it('issues a public notice when still open when the supervision deadline expires', () => {
    spec
      .given(atSupervised())
      .when(expire('supervision-1', T.supervisionDue, undefined, T.supervisionDue))
      .then([
        { type: 'DeadlineExpired', data: { deadlineId: 'supervision-1', dueAt: T.supervisionDue, expiredAt: T.supervisionDue } },
        {
          type: 'ComplaintPubliclyNoticed',
          data: { ticketId: TICKET, round: 1, institutionId: 'hosp-a', supervisedAt: T.late, noticedAt: T.supervisionDue },
        },
      ]);
  });

  it('an answer during supervision meets it: no public notice follows', () => {
    const history = [...atSupervised(), ...atDecided().slice(atAcknowledged().length)];
    const answerLate = cmd('AnswerComplaint', { answer: 'Sorry for the delay' }, hospitalA, '2025-03-12T02:00:00.000Z');
    const events = spec.given(history).when(answerLate).events();
    expect(events).toEqual([
      { type: 'ComplaintAnswered', data: expect.objectContaining({ onTime: false }) },
      { type: 'DeadlineCleared', data: { deadlineId: 'supervision-1', clearedAt: '2025-03-12T02:00:00.000Z', outcome: 'met' } },
    ]);
    spec
      .given([...history, ...events])
      .when(expire('supervision-1', T.supervisionDue, undefined, T.supervisionDue))
      .thenNothing();
  });

  it('ignores duplicate and late expiries', () => {
    spec
      .given(atSupervised())
      .when(expire('answer-1', T.answerDue, next))
      .thenNothing();
    spec
      .given(atAnswered())
      .when(expire('answer-1', T.answerDue, next))
      .thenNothing();
    spec.given(atFollowedUp()).when(expire('acknowledge-1', T.ackDue)).thenNothing();
    spec.given([]).when(expire('answer-1', T.answerDue)).thenNothing();
  });

  describe('supervision ordered by the commission', () => {
    const supervise = (by = inspector) =>
      cmd<SuperviseComplaint>(
        'SuperviseComplaint',
        { reason: 'Media attention', policy: POLICY, supervision: supervisionTerms },
        by,
        T.late,
      );

    it('sets the supervision deadline; the later answer expiry then only records itself', () => {
      spec.given(atAcknowledged()).when(supervise()).then(supervised('commission', 'Media attention'));
      spec
        .given([...atAcknowledged(), ...supervised('commission', 'Media attention')])
        .when(expire('answer-1', T.answerDue))
        .then([answerExpired]);
    });

    it('supervises a round once, by commission staff only', () => {
      spec.given(atSupervised()).when(supervise()).thenThrows('COMPLAINT.ALREADY_SUPERVISED');
      spec.given(atAcknowledged()).when(supervise(hospitalA)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
      spec.given(atAnswered()).when(supervise()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    });
  });
});

describe('ComplaintTicket — waiting on the complainant (停表)', () => {
  const pausedAt = '2025-03-05T02:00:00.000Z';
  const resumedAt = '2025-03-07T02:00:00.000Z';
  const remainingMs = 4 * 86_400_000 + 50_400_000;
  const pause = (by = hospitalA, remaining: Record<string, number> = { 'answer-1': remainingMs }) =>
    cmd('AwaitComplainant', { reason: 'Need the invoice number', remainingMs: remaining }, by, pausedAt);
  const paused: ComplaintTicketEvent[] = [
    { type: 'ComplaintAwaitingComplainant', data: { ticketId: TICKET, round: 1, reason: 'Need the invoice number', since: pausedAt } },
    { type: 'DeadlinePaused', data: { deadlineId: 'answer-1', pausedAt, reason: 'awaiting-complainant', remainingMs } },
  ];
  const newDue = { dueAt: '2025-03-12T15:59:59.999Z', warnAt: ['2025-03-11T16:00:00.000Z'], calendarVersion: 'cn-2025@chinese-days-1.5.7' };
  const reply = (by = hospitalA, resume: object = { 'answer-1': newDue }) =>
    cmd('RecordComplainantReply', { note: 'Invoice 2025-0042', resume } as never, by, resumedAt);

  it('pauses every running deadline with the working time left', () => {
    spec.given(atAcknowledged()).when(pause()).then(paused);
  });

  it('needs the remaining time of every running deadline', () => {
    spec.given(atAcknowledged()).when(pause(hospitalA, {})).thenThrows('COMPLAINT.PAUSE_TERMS_MISSING');
    spec
      .given(atAcknowledged())
      .when(pause(hospitalA, { 'answer-1': -1 }))
      .thenThrows('COMPLAINT.PAUSE_TERMS_MISSING');
  });

  it('ignores wake-ups for a paused deadline and refuses decisions while waiting', () => {
    const history = [...atAcknowledged(), ...paused];
    spec
      .given(history)
      .when(expire('answer-1', T.answerDue, next))
      .thenNothing();
    spec
      .given(history)
      .when(warn('answer-1', T.answerWarn, T.answerDue))
      .thenNothing();
    spec
      .given(history)
      .when(cmd('DecideComplaint', { decision: 'substantiated', findings: 'f' }, hospitalA, resumedAt))
      .thenThrows('COMPLAINT.WAITING_ON_COMPLAINANT');
    spec.given(history).when(pause()).thenThrows('COMPLAINT.ALREADY_WAITING');
  });

  it('resumes on the complainant’s reply with the new due date from the application layer', () => {
    const resumed: ComplaintTicketEvent[] = [
      { type: 'ComplaintComplainantReplied', data: { ticketId: TICKET, round: 1, note: 'Invoice 2025-0042', repliedAt: resumedAt } },
      { type: 'DeadlineResumed', data: { deadlineId: 'answer-1', resumedAt, ...newDue } },
    ];
    spec
      .given([...atAcknowledged(), ...paused])
      .when(reply())
      .then(resumed);
    expect(
      spec
        .given([...atAcknowledged(), ...paused])
        .when(reply(inspector))
        .events(),
    ).toEqual(resumed);
    const after = [...atAcknowledged(), ...paused, ...resumed];
    spec.given(after).when(expire('answer-1', newDue.dueAt)).thenThrows('COMPLAINT.NEXT_TERMS_REQUIRED');
    spec
      .given(after)
      .when(expire('answer-1', T.answerDue, next))
      .thenNothing();
  });

  it('needs new terms for each paused deadline, valid ones, and a wait to end', () => {
    spec
      .given([...atAcknowledged(), ...paused])
      .when(reply(hospitalA, {}))
      .thenThrows('COMPLAINT.RESUME_TERMS_MISSING');
    spec
      .given([...atAcknowledged(), ...paused])
      .when(reply(hospitalA, { 'answer-1': { ...newDue, dueAt: pausedAt } }))
      .thenThrows('COMPLAINT.INVALID_TERMS');
    spec.given(atAcknowledged()).when(reply()).thenThrows('COMPLAINT.NOT_WAITING');
  });

  it('is for the assigned hospital, commission staff and (reply) the complainant', () => {
    spec
      .given(atAcknowledged())
      .when(pause({ id: 'u-hb', role: 'hospital', unit: 'hosp-b' }))
      .thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec
      .given(atAcknowledged())
      .when(pause({ id: 'p', role: 'public', unit: 'public' }))
      .thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    expect(
      spec
        .given([...atAcknowledged(), ...paused])
        .when(reply({ id: 'public', role: 'public', unit: 'public' }))
        .events(),
    ).toHaveLength(2);
  });

  it('a returned ticket cancels paused deadlines too', () => {
    const returnIt = cmd('ReturnComplaint', { reason: 'Not ours' }, hospitalA, resumedAt);
    expect(
      spec
        .given([...atAcknowledged(), ...paused])
        .when(returnIt)
        .events(),
    ).toContainEqual({
      type: 'DeadlineCleared',
      data: { deadlineId: 'answer-1', clearedAt: resumedAt, outcome: 'cancelled' },
    });
  });
});
