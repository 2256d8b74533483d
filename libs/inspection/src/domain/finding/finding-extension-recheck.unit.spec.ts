import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { at, hospital, window } from '../inspection.fixtures';
import { findingDecider } from './finding.decider';
import { FindingEvent } from './finding.events';
import {
  approveExtension,
  denyExtension,
  expire,
  given,
  notice,
  open,
  plan,
  progress,
  recheck,
  rectificationFiles,
  RECTIFY_DUE,
  requestExtension,
  requestSignOff,
  signOff,
} from './finding.fixtures';

const spec = DeciderSpecification(findingDecider);
const working = given(open(), notice(), plan());
const where = { findingId: 'f-1', visitId: 'v-1', institutionId: 'inst-1' };

describe('Finding decider — extensions (延期)', () => {
  it('records a request with its reason', () => {
    spec
      .given(working)
      .when(requestExtension())
      .then([
        {
          type: 'ExtensionRequested',
          data: { findingId: 'f-1', extensionId: 'x-1', reason: '设备采购周期长', requestedDueAt: at(40), requestedBy: 'u-hospital-1' },
        },
      ]);
  });

  it('refuses requests out of turn', () => {
    spec.given(given(open())).when(requestExtension()).thenThrows('INSPECTION.NOTICE_NOT_ISSUED');
    spec
      .given(given(open(), notice(), plan(), requestExtension()))
      .when(requestExtension('x-2'))
      .thenThrows('INSPECTION.EXTENSION_ALREADY_PENDING');
    spec
      .given(given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff()))
      .when(requestExtension())
      .thenThrows('INSPECTION.SIGN_OFF_ALREADY_REQUESTED');
    spec
      .given(working)
      .when(requestExtension('x-1', hospital, at(12), at(11)))
      .thenThrows('INSPECTION.DEADLINE_IN_PAST');
    const twice = given(
      open(),
      notice(),
      plan(),
      requestExtension('x-1'),
      approveExtension('x-1', at(40)),
      requestExtension('x-2', hospital, at(14), at(50)),
      approveExtension('x-2', at(50), undefined, at(15)),
    );
    expect(twice.filter((e) => e.type === 'ExtensionApproved')).toHaveLength(2);
    spec
      .given(twice)
      .when(requestExtension('x-3', hospital, at(16), at(60)))
      .thenThrows('INSPECTION.EXTENSION_LIMIT_REACHED');
  });

  it('approval moves the rectify deadline: the old wake-up is late, the new one escalates', () => {
    const requested = given(open(), notice(), plan(), requestExtension());
    expect(spec.given(requested).when(approveExtension()).events()).toMatchObject([
      { type: 'ExtensionApproved', data: { deadlineId: 'rectify', previousDueAt: RECTIFY_DUE, dueAt: at(40), workingDays: 10 } },
      { type: 'DeadlineExtended', data: { deadlineId: 'rectify', dueAt: at(40), reason: '设备采购周期长', approvedBy: 'u-inspector-1' } },
    ]);
    const extended = given(open(), notice(), plan(), requestExtension(), approveExtension());
    spec.given(extended).when(expire('rectify', RECTIFY_DUE)).thenNothing();
    expect(
      spec
        .given(extended)
        .when(expire('rectify', at(40), at(40), window(at(40), at(47), 5)))
        .events()
        .map((e) => e.type),
    ).toEqual(['DeadlineExpired', 'FindingEscalated', 'DeadlineSet']);
  });

  it('checks the approval', () => {
    const requested = given(open(), notice(), plan(), requestExtension());
    spec.given(requested).when(approveExtension('x-9')).thenThrows('INSPECTION.EXTENSION_NOT_FOUND');
    spec
      .given(requested)
      .when(approveExtension('x-1', at(20)))
      .thenThrows('INSPECTION.DEADLINE_INVALID');
    spec
      .given(requested)
      .when(approveExtension('x-1', at(12)))
      .thenThrows('INSPECTION.DEADLINE_IN_PAST');
    const tooLong = approveExtension('x-1', at(90));
    const long = { ...tooLong, data: { ...tooLong.data, deadline: window(at(13), at(90), 45) } };
    spec.given(requested).when(long).thenThrows('INSPECTION.EXTENSION_TOO_LONG');
    const orphan: FindingEvent[] = [
      ...given(open()),
      {
        type: 'ExtensionRequested',
        data: { findingId: 'f-1', extensionId: 'x-1', reason: 'r', requestedDueAt: at(40), requestedBy: 'u-hospital-1' },
      },
    ];
    spec.given(orphan).when(approveExtension()).thenThrows('INSPECTION.NO_ACTIVE_DEADLINE');
  });

  it('denies with a reason and keeps the record; the deadline stays', () => {
    const requested = given(open(), notice(), plan(), requestExtension());
    spec
      .given(requested)
      .when(denyExtension())
      .then([{ type: 'ExtensionDenied', data: { findingId: 'f-1', extensionId: 'x-1', reason: '理由不充分', deniedBy: 'u-inspector-1' } }]);
    const denied = given(open(), notice(), plan(), requestExtension(), denyExtension());
    spec.given(denied).when(approveExtension()).thenThrows('INSPECTION.EXTENSION_NOT_FOUND');
    expect(fold(findingDecider, denied)).toMatchObject({ deadlines: { rectify: { dueAt: RECTIFY_DUE, status: 'pending' } } });
  });
});

describe('Finding decider — re-check (回头看)', () => {
  const severe = () => open({ severity: 'severe' });
  const recheckWindow = window(at(9), at(99), 0);
  const signedOff = given(severe(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), signOff(recheckWindow));

  it('requires a re-check deadline for severe findings and sets it at sign-off', () => {
    const requested = given(severe(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff());
    spec.given(requested).when(signOff(null)).thenThrows('INSPECTION.RECHECK_DEADLINE_REQUIRED');
    expect(spec.given(requested).when(signOff(recheckWindow)).events()).toMatchObject([
      { type: 'FindingSignedOff', data: { recheckDueAt: at(99) } },
      { type: 'DeadlineCleared', data: { deadlineId: 'rectify', outcome: 'met' } },
      { type: 'DeadlineSet', data: { deadlineId: 'recheck', purpose: 'recheck', dueAt: at(99), workingDays: 0 } },
    ]);
  });

  it('makes the re-check due when its deadline passes', () => {
    spec
      .given(signedOff)
      .when(expire('recheck', at(99)))
      .then([
        { type: 'DeadlineExpired', data: { deadlineId: 'recheck', dueAt: at(99), expiredAt: at(99) } },
        { type: 'FindingRecheckDue', data: { ...where, dueAt: at(99) } },
      ]);
    expect(
      fold(
        findingDecider,
        given(
          severe(),
          notice(),
          plan(),
          ...rectificationFiles(),
          progress(),
          requestSignOff(),
          signOff(recheckWindow),
          expire('recheck', at(99)),
        ),
      ),
    ).toMatchObject({ status: 'signedOff', recheck: 'due' });
  });

  it('passes, clearing the re-check deadline when done early', () => {
    spec
      .given(signedOff)
      .when(recheck('passed', at(60)))
      .then([
        { type: 'FindingRecheckPassed', data: { ...where, round: 1, notes: '回头看', evidence: [], checkedBy: 'u-inspector-1' } },
        { type: 'DeadlineCleared', data: { deadlineId: 'recheck', clearedAt: at(60), outcome: 'met' } },
      ]);
  });

  it('reopens the row (反弹) into a new round with its own deadline ids', () => {
    spec
      .given(signedOff)
      .when(recheck('reopened', at(100)))
      .thenThrows('INSPECTION.REOPEN_DEADLINE_REQUIRED');
    spec
      .given(signedOff)
      .when({ ...recheck('passed'), data: { ...recheck('passed').data, outcome: 'maybe' as never } })
      .thenThrows('INSPECTION.RECHECK_OUTCOME_UNKNOWN');
    const reopen = recheck('reopened', at(100), window(at(100), at(121), 15));
    expect(spec.given(signedOff).when(reopen).events()).toMatchObject([
      { type: 'DeadlineCleared', data: { deadlineId: 'recheck' } },
      { type: 'FindingReopened', data: { ...where, round: 2, deadlineId: 'rectify.r2', dueAt: at(121) } },
      { type: 'DeadlineSet', data: { deadlineId: 'rectify.r2', purpose: 'rectify' } },
    ]);
    const reopened = given(
      severe(),
      notice(),
      plan(),
      ...rectificationFiles(),
      progress(),
      requestSignOff(),
      signOff(recheckWindow),
      reopen,
    );
    expect(fold(findingDecider, reopened)).toMatchObject({
      status: 'noticeIssued',
      rectification: { round: 2, planRevision: 0, escalation: null },
    });
    spec
      .given(reopened)
      .when(progress(undefined, undefined, at(101)))
      .thenThrows('INSPECTION.PLAN_REQUIRED');
    expect(
      spec
        .given(reopened)
        .when(expire('rectify.r2', at(121), at(121), window(at(121), at(128), 5)))
        .events(),
    ).toMatchObject([
      { type: 'DeadlineExpired' },
      { type: 'FindingEscalated', data: { round: 2, rung: 'reminder-letter', step: 1, deadlineId: 'escalation.reminder-letter.r2' } },
      { type: 'DeadlineSet', data: { deadlineId: 'escalation.reminder-letter.r2' } },
    ]);
  });
});
