import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { at, hospital, T0, window } from '../inspection.fixtures';
import { findingDecider } from './finding.decider';
import {
  given,
  notice,
  open,
  openData,
  plan,
  progress,
  PROGRESS_PHOTO,
  recheck,
  rectificationFiles,
  RECTIFY_DUE,
  RECTIFY_WARN,
  reject,
  requested,
  requestSignOff,
  signOff,
  withdraw,
  working,
} from './finding.fixtures';

const spec = DeciderSpecification(findingDecider);

describe('Finding decider — the rectification loop', () => {
  it('opens a finding with the policy version on it', () => {
    spec
      .given([])
      .when(open())
      .then([
        {
          type: 'FindingOpened',
          data: { ...openData, campaignId: null, openedBy: 'u-inspector-1', policyVersion: 'default@1' },
        },
      ]);
    spec.given(given(open())).when(open()).thenThrows('INSPECTION.FINDING_ALREADY_EXISTS');
    spec.given([]).when(notice()).thenThrows('INSPECTION.FINDING_NOT_FOUND');
  });

  it('issues the rectification notice, which sets the rectify deadline', () => {
    spec
      .given(given(open()))
      .when(notice())
      .then([
        {
          type: 'RectificationNoticeIssued',
          data: {
            findingId: 'f-1',
            round: 1,
            noticeNo: '整改〔2025〕1号',
            requirements: null,
            deadlineId: 'rectify',
            dueAt: RECTIFY_DUE,
            workingDays: 15,
            issuedBy: 'u-inspector-1',
            policyVersion: 'default@1',
          },
        },
        {
          type: 'DeadlineSet',
          data: {
            deadlineId: 'rectify',
            purpose: 'rectify',
            startedAt: T0,
            dueAt: RECTIFY_DUE,
            workingDays: 15,
            calendarVersion: 'cn-2025@test',
            warnAt: RECTIFY_WARN,
            policy: { workingDays: 15, policyVersion: 'default@1' },
          },
        },
      ]);
    spec.given(given(open(), notice())).when(notice()).thenThrows('INSPECTION.NOTICE_ALREADY_ISSUED');
  });

  it('takes the plan (revisable), then progress reports numbered per round', () => {
    expect(spec.given(given(open(), notice())).when(plan()).events()).toMatchObject([
      { type: 'RectificationPlanSubmitted', data: { round: 1, revision: 1, responsibleDepartment: '外科', responsiblePerson: '张主任' } },
    ]);
    expect(
      spec
        .given(given(open(), notice(), plan()))
        .when(plan())
        .events(),
    ).toMatchObject([{ data: { revision: 2 } }]);
    spec
      .given(given(open(), notice(), plan(), ...rectificationFiles(), progress()))
      .when(progress([PROGRESS_PHOTO]))
      .then([
        {
          type: 'RectificationProgressReported',
          data: {
            findingId: 'f-1',
            round: 1,
            reportNo: 2,
            summary: '已召开警示教育会',
            evidence: [PROGRESS_PHOTO],
            percentComplete: 60,
            reportedBy: 'u-hospital-1',
          },
        },
      ]);
  });

  it('keeps the steps in order', () => {
    spec.given(given(open())).when(plan()).thenThrows('INSPECTION.NOTICE_NOT_ISSUED');
    spec.given(given(open(), notice())).when(progress()).thenThrows('INSPECTION.PLAN_REQUIRED');
    spec.given(given(open(), notice())).when(requestSignOff()).thenThrows('INSPECTION.PLAN_REQUIRED');
    spec.given(requested).when(progress()).thenThrows('INSPECTION.SIGN_OFF_ALREADY_REQUESTED');
    spec.given(requested).when(requestSignOff()).thenThrows('INSPECTION.SIGN_OFF_ALREADY_REQUESTED');
    spec.given(working).when(signOff()).thenThrows('INSPECTION.SIGN_OFF_NOT_REQUESTED');
    spec.given(working).when(reject()).thenThrows('INSPECTION.SIGN_OFF_NOT_REQUESTED');
    spec.given(working).when(recheck('passed')).thenThrows('INSPECTION.NOT_SIGNED_OFF');
  });

  it('needs evidence for sign-off, in the request or in earlier reports', () => {
    spec
      .given(given(open(), notice(), plan()))
      .when(requestSignOff(hospital, at(8), []))
      .thenThrows('INSPECTION.EVIDENCE_REQUIRED');
    expect(
      spec
        .given(working)
        .when(requestSignOff(hospital, at(8), []))
        .events(),
    ).toMatchObject([{ type: 'SignOffRequested', data: { evidence: [] } }]);
  });

  it('signs off (销号) and clears the pending deadline as met', () => {
    spec
      .given(requested)
      .when(signOff())
      .then([
        {
          type: 'FindingSignedOff',
          data: {
            findingId: 'f-1',
            visitId: 'v-1',
            institutionId: 'inst-1',
            round: 1,
            comment: '同意销号',
            onTime: true,
            signedOffAt: at(9),
            signedOffBy: 'u-inspector-1',
            recheckDueAt: null,
            policyVersion: 'default@1',
          },
        },
        { type: 'DeadlineCleared', data: { deadlineId: 'rectify', clearedAt: at(9), outcome: 'met' } },
      ]);
    spec
      .given(given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), signOff()))
      .when(progress())
      .thenThrows('INSPECTION.FINDING_SIGNED_OFF');
  });

  it('signs off an immediate (立行立改) finding on the spot', () => {
    const immediate = given(open({ requiredAction: 'immediate' }));
    expect(
      spec
        .given(immediate)
        .when(signOff())
        .events()
        .map((e) => e.type),
    ).toEqual(['FindingSignedOff']);
  });

  it('rejects a sign-off request with reasons, back to in-progress', () => {
    spec
      .given(requested)
      .when(reject())
      .then([
        {
          type: 'SignOffRejected',
          data: { findingId: 'f-1', round: 1, reasons: ['缺少承诺书扫描件'], rejectedBy: 'u-inspector-1' },
        },
      ]);
    const rejected = given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), reject());
    expect(fold(findingDecider, rejected)).toMatchObject({ status: 'inProgress', rectification: { rejections: 1 } });
    expect(spec.given(rejected).when(requestSignOff()).events()).toMatchObject([{ type: 'SignOffRequested' }]);
  });

  it('withdraws a finding with a reason and cancels its clocks; the record stays', () => {
    spec
      .given(given(open(), notice()))
      .when(withdraw())
      .then([
        {
          type: 'FindingWithdrawn',
          data: { findingId: 'f-1', visitId: 'v-1', institutionId: 'inst-1', reason: '误报', withdrawnBy: 'u-inspector-1' },
        },
        { type: 'DeadlineCleared', data: { deadlineId: 'rectify', clearedAt: at(2), outcome: 'cancelled' } },
      ]);
    const withdrawn = given(open(), notice(), withdraw());
    spec.given(withdrawn).when(withdraw()).thenNothing();
    spec.given(withdrawn).when(plan()).thenThrows('INSPECTION.FINDING_WITHDRAWN');
    spec.given(withdrawn).when(open()).thenThrows('INSPECTION.FINDING_ALREADY_EXISTS');
  });

  it('validates what the finding is', () => {
    spec
      .given([])
      .when(open({ category: 'gossip' as never }))
      .thenThrows('INSPECTION.CATEGORY_UNKNOWN');
    spec
      .given([])
      .when(open({ severity: 'huge' as never }))
      .thenThrows('INSPECTION.SEVERITY_UNKNOWN');
    spec
      .given([])
      .when(open({ requiredAction: 'someday' as never }))
      .thenThrows('INSPECTION.REQUIRED_ACTION_UNKNOWN');
    spec
      .given([])
      .when(open({ visitKind: 'party' as never }))
      .thenThrows('INSPECTION.VISIT_KIND_UNKNOWN');
    spec
      .given([])
      .when(open({ description: '' }))
      .thenThrows('INSPECTION.FIELD_REQUIRED');
    spec
      .given([])
      .when(open({ evidence: [''] }))
      .thenThrows('INSPECTION.FIELD_REQUIRED');
    const overdone = { ...progress(), data: { ...progress().data, percentComplete: 120 } };
    spec
      .given(given(open(), notice(), plan()))
      .when(overdone)
      .thenThrows('INSPECTION.FIELD_REQUIRED');
    spec
      .given(given(open()))
      .when({ ...notice(), data: { findingId: 'f-1' } as never })
      .thenThrows('INSPECTION.FIELD_REQUIRED');
  });

  it('refuses a notice deadline in the past or malformed', () => {
    spec
      .given(given(open()))
      .when(notice(at(-1), []))
      .thenThrows('INSPECTION.DEADLINE_IN_PAST');
    spec
      .given(given(open()))
      .when(notice(RECTIFY_DUE, [at(30)]))
      .thenThrows('INSPECTION.DEADLINE_INVALID');
    spec.given(given(open())).when(notice('not a date', [])).thenThrows('INSPECTION.DEADLINE_INVALID');
    const bad = { ...notice(), data: { ...notice().data, deadline: { ...window(T0, RECTIFY_DUE, 15), calendarVersion: '' } } };
    spec.given(given(open())).when(bad).thenThrows('INSPECTION.DEADLINE_INVALID');
  });
});
