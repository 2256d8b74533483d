import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { at, hospital, inspector, leader, otherHospital } from '../inspection.fixtures';
import { findingDecider } from './finding.decider';
import { defaultFindingEvidenceStep } from './finding-evidence.decide';
import {
  attach,
  evidenceFile,
  FINDING_PHOTO,
  given,
  notice,
  open,
  plan,
  progress,
  PROGRESS_PHOTO,
  recheck,
  rectificationFiles,
  requested,
  requestSignOff,
  SIGN_OFF_SCAN,
  RECHECK_PHOTO,
  signOff,
  withdraw,
  working,
} from './finding.fixtures';

const spec = DeciderSpecification(findingDecider);
const signingOff = [open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), signOff()];
const signedOff = given(...signingOff);
const attached = (step: string, digest: string, attachedBy: string, note: string | null = null) => ({
  type: 'EvidenceAttached' as const,
  data: { file: evidenceFile(digest), step, note, attachedBy },
});

describe('Finding decider — evidence files', () => {
  it('attaches an inspector’s photo of the problem, and the same file again changes nothing', () => {
    spec
      .given(given(open()))
      .when(attach('finding', FINDING_PHOTO, inspector, at(0, 1), '走廊拍摄'))
      .then([attached('finding', FINDING_PHOTO, 'u-inspector-1', '走廊拍摄')]);
    spec
      .given(given(open(), attach('finding', FINDING_PHOTO, inspector)))
      .when(attach('finding', FINDING_PHOTO, inspector))
      .thenNothing();
  });

  it('takes the hospital’s files for its plan, progress and sign-off request while it rectifies', () => {
    spec
      .given(given(open(), notice()))
      .when(attach('plan', PROGRESS_PHOTO))
      .then([attached('plan', PROGRESS_PHOTO, 'u-hospital-1')]);
    spec.given(given(open())).when(attach('plan', PROGRESS_PHOTO)).thenThrows('INSPECTION.NOTICE_NOT_ISSUED');
    spec
      .given(requested)
      .when(attach('signOff', 'e'.repeat(64)))
      .thenThrows('INSPECTION.SIGN_OFF_ALREADY_REQUESTED');
    spec
      .given(working)
      .when(attach('finding', 'e'.repeat(64)))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ALLOWED');
  });

  it('refuses the hospital after sign-off, other institutions and other roles', () => {
    spec
      .given(signedOff)
      .when(attach('progress', 'e'.repeat(64)))
      .thenThrows('INSPECTION.FINDING_SIGNED_OFF');
    spec
      .given(working)
      .when(attach('progress', 'e'.repeat(64), otherHospital))
      .thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec
      .given(working)
      .when(attach('finding', 'e'.repeat(64), leader))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('lets inspectors attach re-check files only once signed off, and nobody after withdrawal', () => {
    spec
      .given(signedOff)
      .when(attach('recheck', RECHECK_PHOTO, inspector, at(60)))
      .then([attached('recheck', RECHECK_PHOTO, 'u-inspector-1')]);
    spec
      .given(signedOff)
      .when(attach('finding', RECHECK_PHOTO, inspector, at(60)))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ALLOWED');
    spec
      .given(working)
      .when(attach('recheck', RECHECK_PHOTO, inspector))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ALLOWED');
    spec
      .given(given(open(), withdraw()))
      .when(attach('finding', FINDING_PHOTO, inspector))
      .thenThrows('INSPECTION.FINDING_WITHDRAWN');
  });

  it('lets the hospital document a finding of its own self-inspection', () => {
    const self = given(open({ visitKind: 'self' }, hospital));
    expect(spec.given(self).when(attach('finding', FINDING_PHOTO)).events()).toMatchObject([{ type: 'EvidenceAttached' }]);
  });

  it('refuses an unknown step and a file the vault did not describe (400 naming the field)', () => {
    spec.given(working).when(attach('receipt', PROGRESS_PHOTO)).thenThrows('INSPECTION.EVIDENCE_STEP_UNKNOWN');
    const bad = attach('progress', PROGRESS_PHOTO);
    spec
      .given(working)
      .when({ ...bad, data: { ...bad.data, file: { ...bad.data.file, digest: 'att-1' } } })
      .thenThrows('INSPECTION.EVIDENCE_FILE_INVALID');
  });

  it('refuses steps citing files the finding does not hold (422 naming evidence), whoever cites them', () => {
    const notAttached = 'f'.repeat(64);
    spec
      .given(working)
      .when(progress([notAttached]))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ATTACHED');
    spec
      .given(working)
      .when(requestSignOff(hospital, at(8), [SIGN_OFF_SCAN, notAttached]))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ATTACHED');
    spec
      .given(signedOff)
      .when(recheck('passed', at(60), null, [RECHECK_PHOTO]))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ATTACHED');
    expect(() => findingDecider.decide(progress([notAttached]), fold(findingDecider, working))).toThrow(
      expect.objectContaining({ kind: 'rule', details: { field: 'evidence' } }),
    );
  });

  it('cites attached files: a re-check’s photo once attached, and the sign-off rule counts cited files', () => {
    const rechecked = spec
      .given(given(...signingOff, attach('recheck', RECHECK_PHOTO, inspector, at(60))))
      .when(recheck('passed', at(60), null, [RECHECK_PHOTO]))
      .events();
    expect(rechecked).toMatchObject([{ type: 'FindingRecheckPassed', data: { evidence: [RECHECK_PHOTO] } }]);
    const attachedOnly = given(open(), notice(), plan(), ...rectificationFiles());
    spec
      .given(attachedOnly)
      .when(requestSignOff(hospital, at(8), []))
      .thenThrows('INSPECTION.EVIDENCE_REQUIRED');
  });

  it('gives an upload without a step the one its sender and the finding’s status imply', () => {
    const step = (commands: Parameters<typeof given>, actor = hospital) => {
      const state = fold(findingDecider, given(...commands));
      return state.status === 'none' ? null : defaultFindingEvidenceStep(actor, state);
    };
    expect([step([open(), notice()]), step([open(), notice(), plan()]), step(signingOff, inspector), step([open()], inspector)]).toEqual([
      'plan',
      'progress',
      'recheck',
      'finding',
    ]);
  });
});
