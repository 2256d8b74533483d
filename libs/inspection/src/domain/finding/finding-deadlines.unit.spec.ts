import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { at, hospital, window } from '../inspection.fixtures';
import { DEFAULT_INSPECTION_POLICY } from '../inspection-policy';
import { findingDecider } from './finding.decider';
import { FindingEvent } from './finding.events';
import { nextDeadlineNeed } from './finding-deadline.decide';
import {
  approveExtension,
  expire,
  given,
  notice,
  open,
  plan,
  progress,
  rectificationFiles,
  RECTIFY_DUE,
  RECTIFY_WARN,
  requestExtension,
  requestSignOff,
  signOff,
  warn,
} from './finding.fixtures';

const spec = DeciderSpecification(findingDecider);
const noticed = given(open(), notice(), plan());
const where = { findingId: 'f-1', visitId: 'v-1', institutionId: 'inst-1', round: 1, policyVersion: 'default@1' };

/** Appends the events a command yields, so a test can walk the ladder rung by rung. */
function step(events: FindingEvent[], command: Parameters<typeof findingDecider.decide>[0]): FindingEvent[] {
  return [...events, ...findingDecider.decide(command, fold(findingDecider, events))];
}

describe('Finding decider — deadlines and the escalation ladder', () => {
  it('warns at each reminder instant once; late and duplicate warnings are ignored', () => {
    spec
      .given(noticed)
      .when(warn('rectify', RECTIFY_WARN[0]!, RECTIFY_DUE))
      .then([{ type: 'DeadlineWarned', data: { deadlineId: 'rectify', warnAt: RECTIFY_WARN[0]!, dueAt: RECTIFY_DUE } }]);
    spec
      .given(step(noticed, warn('rectify', RECTIFY_WARN[0]!, RECTIFY_DUE)))
      .when(warn('rectify', RECTIFY_WARN[0]!, RECTIFY_DUE))
      .thenNothing();
    spec
      .given(noticed)
      .when(warn('rectify', at(3), RECTIFY_DUE))
      .thenNothing();
    spec
      .given(noticed)
      .when(warn('rectify', RECTIFY_WARN[0]!, at(99)))
      .thenNothing();
    spec
      .given([])
      .when(warn('rectify', RECTIFY_WARN[0]!, RECTIFY_DUE))
      .thenNothing();
  });

  it('climbs the ladder rung by rung, each rung with its own deadline', () => {
    expect(
      nextDeadlineNeed(fold(findingDecider, noticed), { deadlineId: 'rectify', dueAt: RECTIFY_DUE }, DEFAULT_INSPECTION_POLICY),
    ).toEqual({
      deadlineId: 'escalation.reminder-letter',
      purpose: 'escalation-reminder-letter',
      rung: 'reminder-letter',
      step: 1,
      workingDays: 5,
    });
    spec
      .given(noticed)
      .when(expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)))
      .then([
        { type: 'DeadlineExpired', data: { deadlineId: 'rectify', dueAt: RECTIFY_DUE, expiredAt: RECTIFY_DUE } },
        {
          type: 'FindingEscalated',
          data: {
            ...where,
            rung: 'reminder-letter',
            step: 1,
            expiredDeadlineId: 'rectify',
            deadlineId: 'escalation.reminder-letter',
            dueAt: at(28),
          },
        },
        {
          type: 'DeadlineSet',
          data: {
            deadlineId: 'escalation.reminder-letter',
            purpose: 'escalation-reminder-letter',
            startedAt: RECTIFY_DUE,
            dueAt: at(28),
            workingDays: 5,
            calendarVersion: 'cn-2025@test',
            warnAt: [],
            policy: { workingDays: 5, policyVersion: 'default@1' },
          },
        },
      ]);
    let events = step(noticed, expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)));
    const ladder: [string, string, string, number][] = [
      ['escalation.reminder-letter', at(28), at(42), 10],
      ['escalation.rectification-notice', at(42), at(49), 5],
      ['escalation.summons', at(49), at(63), 10],
    ];
    for (const [deadlineId, dueAt, nextDue, days] of ladder)
      events = step(events, expire(deadlineId, dueAt, dueAt, window(dueAt, nextDue, days)));
    const rungs = events.filter((e) => e.type === 'FindingEscalated').map((e) => e.data as { rung: string; step: number });
    expect(rungs).toEqual([
      expect.objectContaining({ rung: 'reminder-letter', step: 1 }),
      expect.objectContaining({ rung: 'rectification-notice', step: 2 }),
      expect.objectContaining({ rung: 'summons', step: 3 }),
      expect.objectContaining({ rung: 'listed-supervision', step: 4 }),
    ]);
    const listed = fold(findingDecider, events);
    expect(nextDeadlineNeed(listed, { deadlineId: 'escalation.listed-supervision', dueAt: at(63) }, DEFAULT_INSPECTION_POLICY)).toBeNull();
    spec
      .given(events)
      .when(expire('escalation.listed-supervision', at(63)))
      .then([
        { type: 'DeadlineExpired', data: { deadlineId: 'escalation.listed-supervision', dueAt: at(63), expiredAt: at(63) } },
        {
          type: 'FindingEscalated',
          data: {
            ...where,
            rung: 'public-notice',
            step: 5,
            expiredDeadlineId: 'escalation.listed-supervision',
            deadlineId: null,
            dueAt: null,
          },
        },
      ]);
    const top = step(events, expire('escalation.listed-supervision', at(63)));
    spec
      .given(top)
      .when(expire('escalation.listed-supervision', at(63)))
      .thenNothing();
    expect(fold(findingDecider, top)).toMatchObject({
      status: 'inProgress',
      rectification: { escalation: { rung: 'public-notice', step: 5 } },
    });
  });

  it('ignores late and duplicate expiries', () => {
    const once = step(noticed, expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)));
    spec
      .given(once)
      .when(expire('rectify', RECTIFY_DUE, at(22), window(at(22), at(29), 5)))
      .thenNothing();
    spec
      .given(noticed)
      .when(expire('rectify', at(5)))
      .thenNothing();
    spec.given(noticed).when(expire('unknown', RECTIFY_DUE)).thenNothing();
  });

  it("needs the next rung's deadline computed, in the future", () => {
    spec.given(noticed).when(expire('rectify', RECTIFY_DUE)).thenThrows('INSPECTION.NEXT_DEADLINE_REQUIRED');
    spec
      .given(noticed)
      .when(expire('rectify', RECTIFY_DUE, at(22), window(RECTIFY_DUE, at(21, 1), 0)))
      .thenThrows('INSPECTION.DEADLINE_IN_PAST');
  });

  it("moves the current rung's deadline on an approved extension; the old wake-up is then late", () => {
    let events = step(noticed, expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)));
    events = step(events, expire('escalation.reminder-letter', at(28), at(28), window(at(28), at(42), 10)));
    events = step(events, expire('escalation.rectification-notice', at(42), at(42), window(at(42), at(49), 5)));
    const summoned = step(events, requestExtension('x-1', hospital, at(44), at(60)));
    spec
      .given(summoned)
      .when(approveExtension('x-1', at(56), undefined, at(45)))
      .then([
        {
          type: 'ExtensionApproved',
          data: {
            findingId: 'f-1',
            extensionId: 'x-1',
            deadlineId: 'escalation.summons',
            previousDueAt: at(49),
            dueAt: at(56),
            workingDays: 10,
            comment: null,
            approvedBy: 'u-inspector-1',
            policyVersion: 'default@1',
          },
        },
        {
          type: 'DeadlineExtended',
          data: {
            deadlineId: 'escalation.summons',
            dueAt: at(56),
            warnAt: [],
            reason: '设备采购周期长',
            approvedBy: 'u-inspector-1',
            calendarVersion: 'cn-2025@test',
            extraWorkingDays: null,
          },
        },
      ]);
    const extended = step(summoned, approveExtension('x-1', at(56), undefined, at(45)));
    spec
      .given(extended)
      .when(expire('escalation.summons', at(49)))
      .thenNothing();
    expect(
      spec
        .given(extended)
        .when(expire('escalation.summons', at(56), at(56), window(at(56), at(70), 10)))
        .events(),
    ).toMatchObject([
      { type: 'DeadlineExpired' },
      { type: 'FindingEscalated', data: { rung: 'listed-supervision', step: 4 } },
      { type: 'DeadlineSet', data: { deadlineId: 'escalation.listed-supervision' } },
    ]);
  });

  it('clears every pending deadline on sign-off, so later wake-ups do nothing', () => {
    const escalated = step(
      given(open(), notice(), plan(), ...rectificationFiles(), progress()),
      expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)),
    );
    const requested = step(escalated, requestSignOff(undefined, at(23)));
    const signed = step(requested, signOff(null, undefined, at(24)));
    expect(signed.slice(requested.length)).toMatchObject([
      { type: 'FindingSignedOff', data: { onTime: false, recheckDueAt: null } },
      { type: 'DeadlineCleared', data: { deadlineId: 'escalation.reminder-letter', outcome: 'met' } },
    ]);
    spec
      .given(signed)
      .when(expire('escalation.reminder-letter', at(28)))
      .thenNothing();
    spec
      .given(signed)
      .when(warn('rectify', RECTIFY_WARN[1]!, RECTIFY_DUE))
      .thenNothing();
  });
});
