import { DeciderSpecification } from '@bihuan/testing';
import { at, history, hospital, inspector, leader, otherHospital, window } from '../inspection.fixtures';
import { DEFAULT_INSPECTION_POLICY, InspectionPolicy } from '../inspection-policy';
import { createFindingDecider, findingDecider } from './finding.decider';
import {
  approveExtension,
  denyExtension,
  expire,
  given,
  notice,
  open,
  plan,
  progress,
  PROGRESS_PHOTO,
  recheck,
  rectificationFiles,
  RECTIFY_DUE,
  reject,
  requested,
  requestExtension,
  requestSignOff,
  signOff,
  withdraw,
  working,
} from './finding.fixtures';

const spec = DeciderSpecification(findingDecider);

describe('Finding decider — who may do what', () => {
  it('lets only inspectors decide: notice, sign-off, rejection, extensions, re-check, withdrawal', () => {
    spec
      .given(given(open()))
      .when({ ...notice(), metadata: { ...notice().metadata, actor: leader } })
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(requested).when(signOff(null, hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(requested).when(reject(hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    const pending = given(open(), notice(), plan(), requestExtension());
    spec
      .given(pending)
      .when(approveExtension('x-1', at(40), hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(pending).when(denyExtension('x-1', hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(working).when(withdraw(hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    const signed = given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), signOff());
    spec
      .given(signed)
      .when({ ...recheck('passed'), metadata: { ...recheck('passed').metadata, actor: hospital } })
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it("lets only the finding's own hospital plan, report, request sign-off and extensions", () => {
    spec.given(given(open(), notice())).when(plan(inspector)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(given(open(), notice())).when(plan(otherHospital)).thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec
      .given(working)
      .when(progress([PROGRESS_PHOTO], otherHospital))
      .thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec.given(working).when(requestSignOff(otherHospital)).thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec.given(working).when(requestSignOff(leader)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec.given(working).when(requestExtension('x-1', otherHospital)).thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
  });

  it('lets a hospital open findings only on its own self-inspection', () => {
    spec.given([]).when(open({}, hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(open({ visitKind: 'self' }, otherHospital))
      .thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    expect(
      spec
        .given([])
        .when(open({ visitKind: 'self' }, hospital))
        .events(),
    ).toMatchObject([{ type: 'FindingOpened', data: { openedBy: 'u-hospital-1' } }]);
  });
});

describe('Finding decider — policy in force', () => {
  const strict: InspectionPolicy = {
    ...DEFAULT_INSPECTION_POLICY,
    policyVersion: 'cq@3',
    escalationLadder: [{ rung: 'summons', workingDays: 3 }],
    recheck: { afterCalendarDays: 30, mandatoryFor: ['serious', 'severe'] },
    signOffRequiresEvidence: false,
  };
  const decider = createFindingDecider(strict);
  const cq = DeciderSpecification(decider);

  it('records the policy version and follows its ladder and re-check rules', () => {
    expect(cq.given([]).when(open()).events()).toMatchObject([{ data: { policyVersion: 'cq@3' } }]);
    expect(cq.given(given(open())).when(notice()).events()).toMatchObject([
      { data: { policyVersion: 'cq@3' } },
      { data: { policy: { policyVersion: 'cq@3' } } },
    ]);
    const opened = given(open({ severity: 'serious' }), notice(), plan());
    expect(
      cq
        .given(opened)
        .when(expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(25), 3)))
        .events(),
    ).toMatchObject([
      { type: 'DeadlineExpired' },
      { type: 'FindingEscalated', data: { rung: 'summons', step: 1, policyVersion: 'cq@3' } },
      { type: 'DeadlineSet', data: { deadlineId: 'escalation.summons' } },
    ]);
    expect(
      cq
        .given(opened)
        .when(requestSignOff(hospital, at(8), []))
        .events(),
    ).toMatchObject([{ type: 'SignOffRequested' }]);
    const asked = history(decider, [open({ severity: 'serious' }), notice(), plan(), requestSignOff(hospital, at(8), [])]);
    cq.given(asked).when(signOff(null)).thenThrows('INSPECTION.RECHECK_DEADLINE_REQUIRED');
  });

  it('chooses the policy per command with a resolver', () => {
    const byInstitution = createFindingDecider((command) =>
      (command.data as { institutionId?: string }).institutionId === 'inst-1' ? strict : DEFAULT_INSPECTION_POLICY,
    );
    expect(byInstitution.decide(open(), byInstitution.initialState)).toMatchObject([{ data: { policyVersion: 'cq@3' } }]);
    expect(byInstitution.decide(open({ institutionId: 'inst-2' }), byInstitution.initialState)).toMatchObject([
      { data: { policyVersion: 'default@1' } },
    ]);
  });
});
