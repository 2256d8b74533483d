import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketCommand } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import {
  POLICY,
  T,
  ackTerms,
  admin,
  answerTerms,
  atAcknowledged,
  atAnswered,
  atDecided,
  atDispatched,
  atFollowedUp,
  atReceived,
  citizen,
  clock,
  cmd,
  hospitalA,
  hospitalB,
  inspector,
  leader,
  supervisionTerms,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
type Step = [name: string, given: () => ComplaintTicketEvent[], command: (by: Actor) => ComplaintTicketCommand];

const requested: ComplaintTicketEvent = {
  type: 'ComplaintExtensionRequested',
  data: { ticketId: 'tk-1', round: 1, deadlineId: 'answer-1', reason: 'r', requestedAt: T.decided },
};
const steps: Step[] = [
  [
    'dispatch',
    atReceived,
    (by) =>
      cmd(
        'DispatchComplaint',
        { institutionId: 'hosp-a', complexity: 'simple', policy: POLICY, acknowledge: ackTerms, answer: answerTerms },
        by,
        T.dispatched,
      ),
  ],
  ['resolve on the spot', atReceived, (by) => cmd('ResolveComplaintOnTheSpot', { resolution: 'r' }, by, T.dispatched)],
  ['decline', atReceived, (by) => cmd('DeclineComplaint', { ground: 'mediation', reason: 'r' }, by, T.dispatched)],
  ['acknowledge', atDispatched, (by) => cmd('AcknowledgeComplaint', {}, by, T.acknowledged)],
  ['return', atDispatched, (by) => cmd('ReturnComplaint', { reason: 'r' }, by, T.acknowledged)],
  ['investigate', atAcknowledged, (by) => cmd('RecordInvestigationNote', { note: 'n' }, by, T.decided)],
  ['decide', atAcknowledged, (by) => cmd('DecideComplaint', { decision: 'not-substantiated', findings: 'f' }, by, T.decided)],
  ['answer', () => atDecided(), (by) => cmd('AnswerComplaint', { answer: 'a' }, by, T.answered)],
  ['request extension', atAcknowledged, (by) => cmd('RequestExtension', { reason: 'r' }, by, T.decided)],
  [
    'approve extension',
    () => [...atAcknowledged(), requested],
    (by) => cmd('ApproveExtension', { extended: { dueAt: T.late, warnAt: [], calendarVersion: 'c' }, extraWorkingDays: 5 }, by, T.decided),
  ],
  ['deny extension', () => [...atAcknowledged(), requested], (by) => cmd('DenyExtension', { reason: 'r' }, by, T.decided)],
  [
    'supervise',
    atAcknowledged,
    (by) => cmd('SuperviseComplaint', { reason: 'r', policy: POLICY, supervision: supervisionTerms }, by, T.late),
  ],
  ['close', () => atFollowedUp(), (by) => cmd('CloseComplaint', {}, by, T.late)],
  [
    'reopen',
    () => atFollowedUp('dissatisfied'),
    (by) =>
      cmd(
        'ReopenComplaint',
        { reason: 'r', complexity: 'simple', policy: POLICY, answer: clock(T.late, '2025-03-18T15:59:59.999Z', 5) },
        by,
        T.late,
      ),
  ],
  ['follow up', atAnswered, (by) => cmd('RecordFollowUp', { rating: 'satisfied' }, by, T.followedUp)],
  [
    'wait on the complainant',
    atAcknowledged,
    (by) => cmd('AwaitComplainant', { reason: 'r', remainingMs: { 'answer-1': 1 } }, by, T.decided),
  ],
];

/** Who may take each step (domain.md §2 and issue 5): everyone else is refused with a forbidden error. */
const allowed: Record<string, Actor[]> = {
  dispatch: [inspector, leader, admin],
  'resolve on the spot': [inspector, leader, admin],
  decline: [inspector, leader, admin],
  acknowledge: [hospitalA],
  return: [hospitalA],
  investigate: [hospitalA],
  decide: [hospitalA],
  answer: [hospitalA],
  'request extension': [hospitalA],
  'approve extension': [inspector, leader],
  'deny extension': [inspector, leader],
  supervise: [inspector, leader, admin],
  close: [inspector, leader, admin],
  reopen: [inspector, leader, admin],
  'follow up': [citizen, inspector, leader, admin],
  'wait on the complainant': [hospitalA, inspector, leader, admin],
};
const everyone = [inspector, leader, admin, hospitalA, hospitalB, citizen, { id: 'p', role: 'partner', unit: 'x' } as Actor];

describe('ComplaintTicket — who may do what', () => {
  it.each(steps)('%s', (name, given, command) => {
    for (const actor of everyone) {
      const then = spec.given(given()).when(command(actor));
      if (allowed[name]!.includes(actor)) {
        expect(then.events().length).toBeGreaterThan(0);
      } else {
        let error: unknown;
        try {
          then.events();
        } catch (e) {
          error = e;
        }
        expect(error).toMatchObject({ kind: 'forbidden' });
      }
    }
  });
});
