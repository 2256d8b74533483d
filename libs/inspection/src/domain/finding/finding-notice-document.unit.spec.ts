import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { at, cmd, hospital, inspector, window } from '../inspection.fixtures';
import { RecordNoticeDocument } from './finding.commands';
import { findingDecider } from './finding.decider';
import {
  expire,
  given,
  notice,
  open,
  plan,
  progress,
  rectificationFiles,
  RECTIFY_DUE,
  requestSignOff,
  signOff,
  withdraw,
} from './finding.fixtures';
import { NoticeKind } from '../notice-kinds';

const spec = DeciderSpecification(findingDecider);
const DIGEST = 'a'.repeat(64);

const record = (kind: NoticeKind, documentNo = '东城卫健监整〔2025〕1号', actor: Actor = inspector, now = at(2)) =>
  cmd<RecordNoticeDocument>(
    'RecordNoticeDocument',
    {
      findingId: 'f-1',
      kind,
      documentNo,
      issuingUnitId: 'city-1',
      digest: DIGEST,
      templateVersion: 1,
      templateDigest: 'b'.repeat(64),
      fileName: '整改通知书.docx',
      fields: { documentNo },
    },
    actor,
    now,
  );

const noticed = () => given(open(), notice());
/** The rectification deadline expired: the ladder's first rung (提醒敦促函, 5 working days) is reached. */
const atReminder = () => given(open(), notice(), expire('rectify', RECTIFY_DUE, RECTIFY_DUE, window(RECTIFY_DUE, at(28), 5)));

describe('Finding decider — printed notices (NoticeDocumentIssued)', () => {
  it('records a 整改通知书 once the requirement and deadline are set, with number, digest and template version', () => {
    spec
      .given(noticed())
      .when(record('rectification-notice'))
      .then([
        {
          type: 'NoticeDocumentIssued',
          data: {
            findingId: 'f-1',
            visitId: 'v-1',
            institutionId: 'inst-1',
            round: 1,
            step: 0,
            kind: 'rectification-notice',
            documentNo: '东城卫健监整〔2025〕1号',
            issuingUnitId: 'city-1',
            digest: DIGEST,
            templateVersion: 1,
            templateDigest: 'b'.repeat(64),
            fileName: '整改通知书.docx',
            fields: { documentNo: '东城卫健监整〔2025〕1号' },
            issuedBy: 'u-inspector-1',
            policyVersion: 'default@1',
          },
        },
      ]);
  });

  it('refuses a 整改通知书 before the deadline is set, a second one for the same occasion, and anyone but an inspector', () => {
    spec.given(given(open())).when(record('rectification-notice')).thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
    const once = [...noticed(), ...given(open(), notice(), record('rectification-notice')).slice(noticed().length)];
    spec
      .given(once)
      .when(record('rectification-notice', '东城卫健监整〔2025〕2号'))
      .thenThrows('INSPECTION.NOTICE_DOCUMENT_ALREADY_ISSUED');
    spec
      .given(noticed())
      .when(record('rectification-notice', 'x', hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('allows a ladder notice only once the ladder reached its rung in this round', () => {
    spec.given(noticed()).when(record('reminder-letter')).thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
    spec.given(atReminder()).when(record('summons')).thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
    spec
      .given(atReminder())
      .when(record('reminder-letter'))
      .then([
        expect.objectContaining({ type: 'NoticeDocumentIssued', data: expect.objectContaining({ kind: 'reminder-letter', step: 1 }) }),
      ]);
  });

  it('allows the 销号确认 only after sign-off, and nothing on a withdrawn finding', () => {
    spec.given(noticed()).when(record('sign-off-confirmation')).thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
    const signedOff = given(open(), notice(), plan(), ...rectificationFiles(), progress(), requestSignOff(), signOff());
    spec
      .given(signedOff)
      .when(record('sign-off-confirmation', 'x', inspector, at(10)))
      .then([expect.objectContaining({ type: 'NoticeDocumentIssued', data: expect.objectContaining({ kind: 'sign-off-confirmation' }) })]);
    spec
      .given(signedOff)
      .when(record('rectification-notice', 'x', inspector, at(10)))
      .thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
    spec
      .given(given(open(), notice(), withdraw()))
      .when(record('rectification-notice'))
      .thenThrows('INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED');
  });

  it('refuses an unknown kind (400)', () => {
    spec
      .given(noticed())
      .when(record('no-such-kind' as NoticeKind))
      .thenThrows('INSPECTION.NOTICE_KIND_UNKNOWN');
  });
});
