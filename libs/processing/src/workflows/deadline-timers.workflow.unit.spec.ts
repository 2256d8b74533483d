import { WorkflowSpecification } from '@bihuan/testing';
import { deadlineSet, recorded } from '../testing/messages';
import { expireTimer, expireTimerId, warnTimer, warnTimerId } from './deadline-timer-ids';
import { deadlineTimersWorkflow } from './deadline-timers.workflow';

const spec = WorkflowSpecification(deadlineTimersWorkflow);
const S = 'complaintTicket-42';
const DUE = '2025-03-10T10:00:00.000Z';
const W1 = '2025-03-06T10:00:00.000Z';
const W2 = '2025-03-08T10:00:00.000Z';
const set = recorded(S, deadlineSet(DUE, [W1, W2]), 'set-1');
const cause = { correlationId: 'corr-1', causationId: 'set-1' };

describe('deadline-timers workflow', () => {
  it('given nothing, when a deadline is set, then it schedules the expiry and one timer per warning', () => {
    spec
      .given([])
      .when(set)
      .then([
        { kind: 'schedule', timer: expireTimer(S, 'answer', DUE, cause) },
        { kind: 'schedule', timer: warnTimer(S, 'answer', 0, W1, DUE, cause) },
        { kind: 'schedule', timer: warnTimer(S, 'answer', 1, W2, DUE, cause) },
      ]);
  });

  it('routes every input of a stream to one instance: the case stream', () => {
    expect(spec.given([]).when(set).instance()).toBe(S);
  });

  it('the expire timer carries ExpireDeadline to the case stream with ids valid on every adapter', () => {
    const [first] = spec.given([]).when(set).outputs();
    expect(first).toMatchObject({
      kind: 'schedule',
      timer: {
        id: 'dl.complaintTicket-42.answer.expire',
        dueAt: DUE,
        stream: S,
        command: { type: 'ExpireDeadline', data: { deadlineId: 'answer', dueAt: DUE } },
      },
    });
  });

  it('given a set deadline, when it is paused, then every timer is cancelled', () => {
    const paused = recorded(S, { type: 'DeadlinePaused', data: { deadlineId: 'answer', pausedAt: W1, reason: 'x', remainingMs: 1 } });
    spec
      .given([set])
      .when(paused)
      .then([
        { kind: 'cancel', timerId: expireTimerId(S, 'answer') },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 0) },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 1) },
      ]);
  });

  it('given a set deadline, when it is extended with fewer warnings, then it reschedules and cancels the extra warning', () => {
    const due2 = '2025-03-20T10:00:00.000Z';
    const w = '2025-03-18T10:00:00.000Z';
    const extended = recorded(
      S,
      {
        type: 'DeadlineExtended',
        data: {
          deadlineId: 'answer',
          dueAt: due2,
          warnAt: [w],
          reason: 'r',
          approvedBy: 'u',
          calendarVersion: 'test',
          extraWorkingDays: null,
        },
      },
      'ext-1',
    );
    const c = { correlationId: 'corr-1', causationId: 'ext-1' };
    spec
      .given([set])
      .when(extended)
      .then([
        { kind: 'schedule', timer: expireTimer(S, 'answer', due2, c) },
        { kind: 'schedule', timer: warnTimer(S, 'answer', 0, w, due2, c) },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 1) },
      ]);
  });

  it('given a paused deadline, when it is resumed, then it schedules at the new dueAt', () => {
    const paused = recorded(S, { type: 'DeadlinePaused', data: { deadlineId: 'answer', pausedAt: W1, reason: 'x', remainingMs: 1 } });
    const due2 = '2025-03-12T10:00:00.000Z';
    const resumed = recorded(
      S,
      { type: 'DeadlineResumed', data: { deadlineId: 'answer', resumedAt: W2, dueAt: due2, warnAt: [], calendarVersion: 'test' } },
      'res-1',
    );
    spec
      .given([set, paused])
      .when(resumed)
      .then([{ kind: 'schedule', timer: expireTimer(S, 'answer', due2, { correlationId: 'corr-1', causationId: 'res-1' }) }]);
  });

  it.each(['DeadlineExpired', 'DeadlineCleared'] as const)('given a set deadline, when %s, then all its timers are cancelled', (type) => {
    const event =
      type === 'DeadlineExpired'
        ? recorded(S, { type, data: { deadlineId: 'answer', dueAt: DUE, expiredAt: DUE } })
        : recorded(S, { type, data: { deadlineId: 'answer', clearedAt: W1, outcome: 'met' } });
    spec
      .given([set])
      .when(event)
      .then([
        { kind: 'cancel', timerId: expireTimerId(S, 'answer') },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 0) },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 1) },
      ]);
  });

  it('given a set deadline, when a warning is recorded, then nothing is done', () => {
    const warned = recorded(S, { type: 'DeadlineWarned', data: { deadlineId: 'answer', warnAt: W1, dueAt: DUE } });
    spec.given([set]).when(warned).thenNothing();
  });

  it('given a set deadline, when it is recomputed on the imported calendar, then it re-arms at the new dueAt and cancels the extra warning', () => {
    const due2 = '2025-03-11T10:00:00.000Z';
    const w = '2025-03-07T10:00:00.000Z';
    const data = {
      deadlineId: 'answer',
      previousDueAt: DUE,
      dueAt: due2,
      warnAt: [w],
      previousCalendarVersion: 'p',
      calendarVersion: 'o',
      recomputedAt: W1,
    };
    const c = { correlationId: 'corr-1', causationId: 'rec-1' };
    spec
      .given([set])
      .when(recorded(S, { type: 'DeadlineRecomputed', data: { ...data, remainingMs: null } }, 'rec-1'))
      .then([
        { kind: 'schedule', timer: expireTimer(S, 'answer', due2, c) },
        { kind: 'schedule', timer: warnTimer(S, 'answer', 0, w, due2, c) },
        { kind: 'cancel', timerId: warnTimerId(S, 'answer', 1) },
      ]);
  });

  it('given a paused deadline, when it is recomputed, then nothing is armed (it runs again on resume)', () => {
    const paused = recorded(S, { type: 'DeadlinePaused', data: { deadlineId: 'answer', pausedAt: W1, reason: 'x', remainingMs: 1 } });
    const data = {
      deadlineId: 'answer',
      previousDueAt: DUE,
      dueAt: DUE,
      warnAt: [],
      previousCalendarVersion: 'p',
      calendarVersion: 'o',
      recomputedAt: W1,
      remainingMs: 1,
    };
    spec
      .given([set, paused])
      .when(recorded(S, { type: 'DeadlineRecomputed', data }))
      .thenNothing();
  });
});
