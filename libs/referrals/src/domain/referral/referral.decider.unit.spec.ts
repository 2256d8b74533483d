import { Actor, EvidenceFile } from '@bihuan/core';
import { DeciderSpecification, testCommand } from '@bihuan/testing';
import { ACKNOWLEDGE_DEADLINE, DEFAULT_REFERRAL_POLICY } from '../referral-policy';
import { MakeReferral, RecordReferralOutcome, ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import { ReferralEvent } from './referral.events';

const spec = DeciderSpecification(referralDecider);

const T0 = '2025-12-22T02:00:00.000Z'; // a Monday in late December: deadlines run into the new year
const DUE = '2025-12-25T15:59:59.999Z';
const WARN = '2025-12-24T04:00:00.000Z';
const inspector: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };
const police: Actor = { id: 'partner-police-a', role: 'partner', unit: 'agency-city-a-police' };
const otherAgency: Actor = { id: 'partner-insurance-b', role: 'partner', unit: 'agency-city-b-insurance' };
const hospital: Actor = { id: 'hospital-a1-1', role: 'hospital', unit: 'hosp-a1-1' };
const dossier: EvidenceFile = { digest: 'd'.repeat(64), size: 4096, mediaType: 'text/html', name: '案卷.html' };
const decision: EvidenceFile = { digest: 'e'.repeat(64), size: 2048, mediaType: 'application/pdf', name: '立案决定书.pdf' };

const cmd = <C extends ReferralCommand>(type: C['type'], data: C['data'], by: Actor, now = T0): C => testCommand<C>(type, data, by, now);

const makeData = (over: Partial<MakeReferral['data']> = {}): MakeReferral['data'] => ({
  referralId: 'R1',
  source: { stream: 'finding-F1', category: 'finding', institutionId: 'hosp-a1-1' },
  fromUnit: 'county-a1',
  toUnit: 'agency-city-a-police',
  agencyType: 'police',
  reason: '涉嫌欺诈骗保，移送公安机关',
  dossier,
  acknowledge: { startedAt: T0, dueAt: DUE, workingDays: 3, calendarVersion: 'cn-2025', warnAt: [WARN] },
  policy: DEFAULT_REFERRAL_POLICY,
  ...over,
});
const make = (over: Partial<MakeReferral['data']> = {}, by = inspector) => cmd<MakeReferral>('MakeReferral', makeData(over), by);
const made = spec.given([]).when(make()).events() as ReferralEvent[];
const acknowledged = [
  ...made,
  ...spec
    .given(made)
    .when(cmd('AcknowledgeReferral', {}, police))
    .events(),
];
const attached = [
  ...acknowledged,
  ...spec
    .given(acknowledged)
    .when(cmd('AttachEvidence', { file: decision, note: '立案' }, police))
    .events(),
];
const outcome = (over: Partial<RecordReferralOutcome['data']> = {}, by = police) =>
  cmd<RecordReferralOutcome>(
    'RecordReferralOutcome',
    { outcome: 'case-opened', text: '已立案侦查', evidence: [decision.digest], ...over },
    by,
  );
const answered = [...attached, ...spec.given(attached).when(outcome()).events()];

describe('referral decider (移交 → 签收 → 反馈 → 办结)', () => {
  it('refers a case with its case file and an acknowledgement deadline the policy grants', () => {
    expect(made.map((e) => e.type)).toEqual(['ReferralMade', 'EvidenceAttached', 'DeadlineSet']);
    expect(made[0]).toMatchObject({
      data: {
        referralId: 'R1',
        sourceStream: 'finding-F1',
        toUnit: 'agency-city-a-police',
        dossierDigest: dossier.digest,
        referredBy: 'inspector-a1',
      },
    });
    expect(made[1]).toEqual({
      type: 'EvidenceAttached',
      data: { file: dossier, step: 'referralDossier', note: null, attachedBy: 'inspector-a1' },
    });
    expect(made[2]).toMatchObject({
      data: {
        deadlineId: ACKNOWLEDGE_DEADLINE,
        dueAt: DUE,
        warnAt: [WARN],
        workingDays: 3,
        policy: { policyVersion: 'referrals-default@1' },
      },
    });
  });

  it.each<[string, Partial<MakeReferral['data']>, Actor, string]>([
    ['a hospital', {}, hospital, 'REFERRAL.ROLE_FORBIDDEN'],
    ['a partner', {}, police, 'REFERRAL.ROLE_FORBIDDEN'],
    [
      'a visit',
      { source: { stream: 'visit-V1', category: 'visit' as never, institutionId: 'hosp-a1-1' } },
      inspector,
      'REFERRAL.SOURCE_NOT_REFERABLE',
    ],
    ['no reason', { reason: '  ' }, inspector, 'REFERRAL.FIELD_REQUIRED'],
    ['an undescribed file', { dossier: { ...dossier, digest: 'x' } }, inspector, 'REFERRAL.INVALID_EVIDENCE'],
    [
      'terms the policy does not grant',
      { acknowledge: { ...makeData().acknowledge, workingDays: 10 } },
      inspector,
      'REFERRAL.INVALID_TERMS',
    ],
  ])('refuses %s', (_what, over, by, code) => {
    spec.given([]).when(make(over, by)).thenThrows(code);
  });

  it('refers once: the same referral again is a conflict', () => {
    spec.given(made).when(make()).thenThrows('REFERRAL.ALREADY_EXISTS');
  });

  it('is acknowledged by a user of the agency it went to, which meets the deadline; nobody else acknowledges', () => {
    spec
      .given(made)
      .when(cmd('AcknowledgeReferral', {}, police))
      .then([
        { type: 'ReferralAcknowledged', data: { referralId: 'R1', acknowledgedBy: 'partner-police-a', acknowledgedAt: T0, late: false } },
        { type: 'DeadlineCleared', data: { deadlineId: ACKNOWLEDGE_DEADLINE, clearedAt: T0, outcome: 'met' } },
      ]);
    spec
      .given(made)
      .when(cmd('AcknowledgeReferral', {}, otherAgency))
      .thenThrows('REFERRAL.NOT_THE_AGENCY');
    spec
      .given(made)
      .when(cmd('AcknowledgeReferral', {}, inspector))
      .thenThrows('REFERRAL.ROLE_FORBIDDEN');
    spec
      .given(acknowledged)
      .when(cmd('AcknowledgeReferral', {}, police))
      .thenThrows('REFERRAL.ALREADY_ACKNOWLEDGED');
    spec
      .given([])
      .when(cmd('AcknowledgeReferral', {}, police))
      .thenThrows('REFERRAL.NOT_FOUND');
  });

  it('reminds and expires the acknowledgement once each; a late or repeated wake-up changes nothing; a late acknowledgement says so', () => {
    spec
      .given(made)
      .when(cmd('WarnDeadline', { deadlineId: ACKNOWLEDGE_DEADLINE, warnAt: WARN, dueAt: DUE }, police))
      .then([{ type: 'DeadlineWarned', data: { deadlineId: ACKNOWLEDGE_DEADLINE, warnAt: WARN, dueAt: DUE } }]);
    const expire = cmd('ExpireDeadline', { deadlineId: ACKNOWLEDGE_DEADLINE, dueAt: DUE }, police, '2025-12-26T01:00:00.000Z');
    const expired = [...made, ...spec.given(made).when(expire).events()];
    expect(expired.at(-1)).toMatchObject({ type: 'DeadlineExpired', data: { expiredAt: '2025-12-26T01:00:00.000Z' } });
    spec.given(expired).when(expire).thenNothing();
    spec.given(acknowledged).when(expire).thenNothing();
    spec
      .given(expired)
      .when(cmd('AcknowledgeReferral', {}, police))
      .then([
        { type: 'ReferralAcknowledged', data: { referralId: 'R1', acknowledgedBy: 'partner-police-a', acknowledgedAt: T0, late: true } },
      ]);
  });

  it('takes the agency’s outcome once acknowledged, citing only files attached to the referral', () => {
    spec.given(made).when(outcome()).thenThrows('REFERRAL.NOT_ACKNOWLEDGED');
    spec.given(acknowledged).when(outcome()).thenThrows('REFERRAL.EVIDENCE_NOT_ATTACHED');
    spec
      .given(attached)
      .when(outcome({ outcome: 'arrested' as never }))
      .thenThrows('REFERRAL.OUTCOME_UNKNOWN');
    spec.given(attached).when(outcome({}, otherAgency)).thenThrows('REFERRAL.NOT_THE_AGENCY');
    expect(answered.at(-1)).toMatchObject({
      type: 'ReferralOutcomeRecorded',
      data: { outcome: 'case-opened', text: '已立案侦查', evidence: [decision.digest], recordedBy: 'partner-police-a' },
    });
    spec.given(answered).when(outcome()).thenThrows('REFERRAL.ALREADY_ANSWERED');
    spec
      .given(attached)
      .when(cmd('AttachEvidence', { file: decision, note: null }, police))
      .thenNothing();
  });

  it('is closed by the referring commission once answered, and then takes nothing more', () => {
    spec
      .given(attached)
      .when(cmd('CloseReferral', { note: null }, inspector))
      .thenThrows('REFERRAL.NOT_ANSWERED');
    spec
      .given(answered)
      .when(cmd('CloseReferral', { note: null }, police))
      .thenThrows('REFERRAL.ROLE_FORBIDDEN');
    const closed = [
      ...answered,
      ...spec
        .given(answered)
        .when(cmd('CloseReferral', { note: '结果已录入' }, inspector))
        .events(),
    ];
    expect(closed.at(-1)).toEqual({
      type: 'ReferralClosed',
      data: { referralId: 'R1', note: '结果已录入', closedBy: 'inspector-a1', closedAt: T0 },
    });
    spec
      .given(closed)
      .when(cmd('CloseReferral', { note: null }, inspector))
      .thenThrows('REFERRAL.ALREADY_CLOSED');
    spec.given(closed).when(outcome()).thenThrows('REFERRAL.ALREADY_CLOSED');
  });
});
