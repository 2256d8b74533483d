import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, inspector, T0 } from '../../testing/credit-test-fixtures';
import { DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { creditSubjectDecider, falseMaterialRecordId } from './credit-subject.decider';
import {
  ApplicantSubject,
  CheckApplicantCredit,
  CreditCheckSummary,
  CreditSubjectCommand,
  CreditSubjectEvent,
  ReportFalseMaterial,
  SealedIdentity,
} from './credit-subject.messages';
import { CreditSubjectState } from './credit-subject.state';

const spec = DeciderSpecification<CreditSubjectCommand, CreditSubjectEvent, CreditSubjectState>(creditSubjectDecider());
const types = (events: readonly CreditSubjectEvent[]) => events.map((e) => e.type);

const CODE = '91330100799655058B';
const org: ApplicantSubject = { kind: 'organisation', creditCode: CODE };
const LOOKUP = 'a'.repeat(32);
const person: Extract<ApplicantSubject, { kind: 'person' }> & { sealed: SealedIdentity } = {
  kind: 'person',
  lookup: LOOKUP,
  sealed: { subjectId: `creditPerson.${LOOKUP}`, identityCiphertext: 'sm4cbc-hmacsm3:v1:iv:tag:ct' },
};
const clean: CreditCheckSummary = { level: 'A', reason: 'no archive', adverseInWindow: 0, adverseRecords: 0, redListed: false };

const checkOf = (subject: ApplicantSubject, subjectKey: string, checkId = 'K1', actor: Actor = inspector): CheckApplicantCredit =>
  command<CheckApplicantCredit>(
    'CheckApplicantCredit',
    {
      subjectKey,
      subject,
      checkId,
      purpose: 'institution-registration',
      applicationRef: '浙卫登〔2025〕7号',
      institutionId: null,
      result: clean,
    },
    actor,
  );
const falseMaterialOf = (subject: ApplicantSubject, subjectKey: string, findingId = 'F1'): ReportFalseMaterial =>
  command<ReportFalseMaterial>('ReportFalseMaterial', {
    subjectKey,
    subject,
    findingId,
    purpose: 'physician-registration',
    applicationRef: 'APP-9',
    description: '执业证书复印件系伪造',
    occurredAt: '2024-12-20T02:00:00.000Z',
  });

describe('CreditSubject decider: 准入信用核查 of an applicant before it is an institution', () => {
  it('registers an unknown applicant on its first check and records the check with its result, once per check id', () => {
    const first = spec
      .given([])
      .when(checkOf(org, `org.${CODE}`))
      .events();
    expect(types(first)).toEqual(['CreditSubjectRegistered', 'CreditChecked']);
    expect(first[0]!.data).toEqual({
      subjectKey: `org.${CODE}`,
      kind: 'organisation',
      creditCode: CODE,
      sealed: null,
      registeredBy: inspector.id,
      registeredIn: inspector.unit,
      registeredAt: T0,
    });
    expect(first[1]!.data).toMatchObject({
      checkId: 'K1',
      purpose: 'institution-registration',
      result: clean,
      checkedBy: inspector.id,
      checkedIn: inspector.unit,
      checkedAt: T0,
      policyVersion: DEFAULT_CREDIT_POLICY.policyVersion,
    });
    spec
      .given(first)
      .when(checkOf(org, `org.${CODE}`))
      .thenNothing();
    expect(
      types(
        spec
          .given(first)
          .when(checkOf(org, `org.${CODE}`, 'K2'))
          .events(),
      ),
    ).toEqual(['CreditChecked']);
  });

  it('keeps a person only as a lookup key and a sealed number: the key must be theirs, the seal for them', () => {
    const events = spec
      .given([])
      .when(checkOf(person, `person.${LOOKUP}`))
      .events();
    expect(events[0]!.data).toMatchObject({ kind: 'person', creditCode: null, sealed: person.sealed });
    spec
      .given([])
      .when(checkOf(person, `person.${'b'.repeat(32)}`))
      .thenThrows('CREDIT.SUBJECT_MISMATCH');
    const elsewhere = { ...person, sealed: { ...person.sealed, subjectId: 'creditPerson.other' } };
    spec
      .given([])
      .when(checkOf(elsewhere, `person.${LOOKUP}`))
      .thenThrows('CREDIT.SUBJECT_MISMATCH');
    spec
      .given([])
      .when(checkOf({ ...person, lookup: '11010519491231002X' }, 'person.11010519491231002X'))
      .thenThrows('CREDIT.SUBJECT_MISMATCH');
    // Registering needs the seal; a known person is checked by the lookup alone (their key may have been erased).
    spec
      .given([])
      .when(checkOf({ ...person, sealed: null }, `person.${LOOKUP}`))
      .thenThrows('CREDIT.FIELD_REQUIRED');
    expect(
      types(
        spec
          .given(events)
          .when(checkOf({ ...person, sealed: null }, `person.${LOOKUP}`, 'K2'))
          .events(),
      ),
    ).toEqual(['CreditChecked']);
  });

  it('refuses a credit code with a wrong check character, naming identifier, and a key of another subject', () => {
    const bad = { kind: 'organisation' as const, creditCode: '91330100799655058C' };
    expect(() => spec.given([]).when(checkOf(bad, 'org.91330100799655058C')).events()).toThrow(
      expect.objectContaining({ code: 'CREDIT.IDENTIFIER_INVALID', details: { field: 'identifier' } }),
    );
    spec.given([]).when(checkOf(org, 'org.914403001922038216')).thenThrows('CREDIT.SUBJECT_MISMATCH');
  });

  it('lets only the approving office check or record, and refuses an unknown purpose', () => {
    spec
      .given([])
      .when(checkOf(org, `org.${CODE}`, 'K1', hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(checkOf(org, `org.${CODE}`, 'K1', { id: 'l', role: 'leader', unit: 'city' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    const odd = { ...checkOf(org, `org.${CODE}`), data: { ...checkOf(org, `org.${CODE}`).data, purpose: 'lottery' } };
    spec
      .given([])
      .when(odd as unknown as CheckApplicantCredit)
      .thenThrows('CREDIT.PURPOSE_UNKNOWN');
  });

  it('records false material as a finding with the policy’s points and an adverse record, once per finding', () => {
    const found = spec
      .given([])
      .when(falseMaterialOf(person, `person.${LOOKUP}`))
      .events();
    expect(types(found)).toEqual(['CreditSubjectRegistered', 'FalseMaterialFound', 'CreditInformationRecorded']);
    const recordId = falseMaterialRecordId('F1');
    expect(found[1]!.data).toMatchObject({ findingId: 'F1', recordId, behaviour: 'false-material', points: 6, foundIn: inspector.unit });
    expect(found[2]!.data).toEqual({
      subjectKey: `person.${LOOKUP}`,
      recordId,
      infoClass: 'adverse',
      kind: 'false-material',
      title: '申请医师执业注册时提供虚假材料（APP-9）',
      content: '执业证书复印件系伪造',
      occurredAt: '2024-12-20T02:00:00.000Z',
      causedBy: null,
      recordedBy: inspector.id,
      recordedAt: T0,
    });
    spec
      .given(found)
      .when(falseMaterialOf(person, `person.${LOOKUP}`))
      .thenNothing();
    expect(
      types(
        spec
          .given(found)
          .when(falseMaterialOf(person, `person.${LOOKUP}`, 'F2'))
          .events(),
      ),
    ).toEqual(['FalseMaterialFound', 'CreditInformationRecorded']);
  });

  it('records no points when the policy in force lists none for false material', () => {
    const { 'false-material': _dropped, ...rest } = DEFAULT_CREDIT_POLICY.behaviourPoints;
    const policy = { ...DEFAULT_CREDIT_POLICY, behaviourPoints: rest };
    const found = DeciderSpecification(creditSubjectDecider(policy))
      .given([])
      .when(falseMaterialOf(org, `org.${CODE}`))
      .events();
    expect(found[1]!.data).toMatchObject({ points: null });
  });
});
