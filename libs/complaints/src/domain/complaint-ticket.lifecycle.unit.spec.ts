import { fold } from '@bihuan/core';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketCommand, ReceiveComplaint } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { COMPLAINT_TICKET_CATEGORY, pausedDeadlines, runningDeadlines } from './complaint-ticket.state';
import { complaintTicketStream } from './complaint-ticket.decider';
import {
  POLICY,
  T,
  TICKET,
  ackTerms,
  answerTerms,
  atAcknowledged,
  atDispatched,
  citizen,
  cmd,
  hospitalA,
  inspector,
  received,
  supervisionTerms,
  system,
} from './complaint-ticket.fixtures';

/** Whole loops decided command by command, each decision folded into the next. */
function play(commands: ComplaintTicketCommand[], history: ComplaintTicketEvent[] = []): ComplaintTicketEvent[] {
  return commands.reduce<ComplaintTicketEvent[]>(
    (events, command) => [...events, ...complaintTicketDecider.decide(command, fold(complaintTicketDecider, events))],
    history,
  );
}

const receiveAnonymous = cmd<ReceiveComplaint>(
  'ReceiveComplaint',
  {
    ticketId: TICKET,
    ticketCode: 'WH-7Q2K',
    secretHash: 'sm3:abc',
    channel: 'web',
    category: 'fees',
    description: 'Charged twice for the same CT scan',
    complainant: { kind: 'anonymous' },
    receivingUnit: 'weihai',
  },
  citizen,
  T.received,
);
const dispatch = cmd(
  'DispatchComplaint',
  { institutionId: 'hosp-a', complexity: 'simple', policy: POLICY, acknowledge: ackTerms, answer: answerTerms },
  inspector,
  T.dispatched,
);

describe('ComplaintTicket — whole loops', () => {
  it('closes a full loop on time: receive → dispatch → acknowledge → investigate → decide → answer → follow-up → close', () => {
    const events = play([
      receiveAnonymous,
      dispatch,
      cmd('AcknowledgeComplaint', {}, hospitalA, T.acknowledged),
      cmd('RecordInvestigationNote', { note: 'Billing log shows a duplicate charge' }, hospitalA, T.acknowledged),
      cmd('DecideComplaint', { decision: 'substantiated', findings: 'Duplicate charge confirmed' }, hospitalA, T.decided),
      cmd('AnswerComplaint', { answer: 'The duplicate charge was refunded' }, hospitalA, T.answered),
      cmd('RecordFollowUp', { rating: 'satisfied' }, citizen, T.followedUp),
      cmd('CloseComplaint', {}, inspector, T.followedUp),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'ComplaintDispatched',
      'DeadlineSet',
      'DeadlineSet',
      'ComplaintAcknowledged',
      'DeadlineCleared',
      'ComplaintInvestigationNoted',
      'ComplaintDecided',
      'ComplaintAnswered',
      'DeadlineCleared',
      'ComplaintFollowedUp',
      'ComplaintClosed',
    ]);
    const state = fold(complaintTicketDecider, events);
    expect(state).toMatchObject({ status: 'closed', outcome: 'answered', rating: 'satisfied' });
    expect(runningDeadlines(state)).toEqual([]);
  });

  it('an anonymous ticket carries no subject, identity or ciphertext anywhere', () => {
    const events = play([receiveAnonymous, dispatch]);
    expect(events[0]).toMatchObject({ data: { complainant: { kind: 'anonymous' } } });
    expect(JSON.stringify(events)).not.toMatch(/subjectId|identityCiphertext/);
  });

  it('a named ticket carries only the subject id and the ciphertext', () => {
    const named = play([
      {
        ...receiveAnonymous,
        data: { ...receiveAnonymous.data, complainant: { kind: 'named', subjectId: 'subj-1', identityCiphertext: 'sm4:ZZZ' } },
      },
    ]);
    expect(named[0]).toMatchObject({ data: { complainant: { kind: 'named', subjectId: 'subj-1', identityCiphertext: 'sm4:ZZZ' } } });
  });

  it('runs late: reminder → supervision → public notice', () => {
    const events = play(
      [
        cmd('WarnDeadline', { deadlineId: 'answer-1', warnAt: T.answerWarn, dueAt: T.answerDue }, system, T.answerWarn),
        cmd(
          'ExpireDeadline',
          { deadlineId: 'answer-1', dueAt: T.answerDue, next: { policy: POLICY, supervision: supervisionTerms } },
          system,
          T.late,
        ),
        cmd(
          'WarnDeadline',
          { deadlineId: 'supervision-1', warnAt: supervisionTerms.warnAt[0]!, dueAt: T.supervisionDue },
          system,
          supervisionTerms.warnAt[0]!,
        ),
        cmd('ExpireDeadline', { deadlineId: 'supervision-1', dueAt: T.supervisionDue }, system, T.supervisionDue),
        cmd('ExpireDeadline', { deadlineId: 'supervision-1', dueAt: T.supervisionDue }, system, T.supervisionDue),
      ],
      atAcknowledged(),
    );
    expect(events.slice(atAcknowledged().length).map((e) => e.type)).toEqual([
      'DeadlineWarned',
      'ComplaintReminded',
      'DeadlineExpired',
      'ComplaintSupervised',
      'DeadlineSet',
      'DeadlineWarned',
      'ComplaintReminded',
      'DeadlineExpired',
      'ComplaintPubliclyNoticed',
    ]);
    expect(fold(complaintTicketDecider, events)).toMatchObject({
      status: 'acknowledged',
      assignment: { supervision: { publiclyNoticedAt: T.supervisionDue } },
    });
  });

  it('exposes paused deadlines with their remaining time for the application layer', () => {
    const events = play(
      [cmd('AwaitComplainant', { reason: 'Need invoice', remainingMs: { 'answer-1': 1000 } }, hospitalA, T.decided)],
      atAcknowledged(),
    );
    expect(pausedDeadlines(fold(complaintTicketDecider, events))).toEqual([
      { deadlineId: 'answer-1', purpose: 'answer', remainingMs: 1000 },
    ]);
    expect(runningDeadlines(fold(complaintTicketDecider, atDispatched())).map((d) => d.deadlineId)).toEqual(['acknowledge-1', 'answer-1']);
  });

  it('names the stream complaintTicket-<ticketId> and evolves only events that fit', () => {
    expect(complaintTicketStream(TICKET)).toBe(`${COMPLAINT_TICKET_CATEGORY}-tk-1`);
    const state = fold(complaintTicketDecider, [received()]);
    expect(
      complaintTicketDecider.evolve(state, {
        type: 'ComplaintAnswered',
        data: { ticketId: TICKET, round: 1, institutionId: 'x', answer: 'a', answeredAt: T.answered, onTime: true },
      }),
    ).toBe(state);
    expect(
      complaintTicketDecider.evolve(complaintTicketDecider.initialState, {
        type: 'DeadlineCleared',
        data: { deadlineId: 'a', clearedAt: T.answered, outcome: 'met' },
      }),
    ).toEqual({ status: 'none' });
  });
});
