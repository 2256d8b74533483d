import { builtInCalendarData, WorkingCalendar } from '@bihuan/calendar';
import { fold } from '@bihuan/core';
import { ExpireDeadline, WarnDeadline } from '../domain/complaint-ticket.commands';
import { complaintTicketDecider } from '../domain/complaint-ticket.decider';
import { atAcknowledged, cmd, POLICY, system, T } from '../domain/complaint-ticket.fixtures';
import { clockTerms } from './complaint-terms';
import { TicketContext, wakeUpBody } from './ticket-builds';

/** The worker's wake-ups, built on the state they are decided on (ComplaintTicketSender's build). */
const calendar = new WorkingCalendar(builtInCalendarData());
const ctx: TicketContext = { now: T.late, actor: system, policy: POLICY, calendar, newId: () => 'unused' };
const state = fold(complaintTicketDecider, atAcknowledged());

describe('wakeUpBody (timer wake-ups through CommandExecution.deliver)', () => {
  it('given an overdue answer in an unsupervised round, when it expires, then 督办 terms run from the firing instant', () => {
    const expire = cmd<ExpireDeadline>('ExpireDeadline', { deadlineId: 'answer-1', dueAt: T.answerDue }, system, T.late);
    expect(wakeUpBody(expire)(state, ctx)).toEqual({
      type: 'ExpireDeadline',
      data: {
        deadlineId: 'answer-1',
        dueAt: T.answerDue,
        next: { policy: POLICY, supervision: clockTerms(calendar, POLICY, T.late, POLICY.publicNoticeWorkingDaysAfterSupervision, T.late) },
      },
    });
  });

  it('given any other wake-up, then it is decided as it came (without its metadata: the seam adds the delivered one)', () => {
    const ack = cmd<ExpireDeadline>('ExpireDeadline', { deadlineId: 'acknowledge-1', dueAt: T.ackDue }, system, T.late);
    const warn = cmd<WarnDeadline>(
      'WarnDeadline',
      { deadlineId: 'answer-1', warnAt: T.answerWarn, dueAt: T.answerDue },
      system,
      T.answerWarn,
    );
    expect(wakeUpBody(ack)(state, ctx)).toEqual({ type: 'ExpireDeadline', data: ack.data });
    expect(wakeUpBody(warn)(state, ctx)).toEqual({ type: 'WarnDeadline', data: warn.data });
  });
});
