import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ReferralsTables, REFERRALS_MIGRATIONS } from './referrals.migrations';
import { referralOpenSteps } from './open-steps.queries';
import { referralsProjection } from './referrals.projection';
import { ReferralQueries } from './referrals.queries';

const T0 = '2025-12-22T02:00:00.000Z';
const DUE = '2025-12-25T15:59:59.999Z';
const DOSSIER = 'd'.repeat(64);
const DECISION = 'e'.repeat(64);

/** An event as the log delivers it (only the fields the projection reads matter). */
const ev = (position: number, streamName: string, type: string, data: object): RecordedEvent => ({
  streamName,
  revision: position,
  position,
  type,
  data,
  metadata: {
    eventId: `e-${position}`,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'u', role: 'inspector', unit: 'county-a1' },
    occurredAt: T0,
    recordedAt: T0,
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
});

const made = (referralId: string, institutionId: string | null, toUnit: string) => ({
  referralId,
  sourceStream: `finding-${referralId}`,
  sourceCategory: 'finding',
  institutionId,
  fromUnit: 'county-a1',
  toUnit,
  agencyType: 'police',
  reason: `理由 ${referralId}`,
  dossierDigest: DOSSIER,
  referredBy: 'inspector-a1',
  referredAt: T0,
  policyVersion: 'referrals-default@1',
});
const file = (digest: string, name: string, step: string) => ({
  file: { digest, size: 2048, mediaType: 'application/pdf', name },
  step,
  note: null,
  attachedBy: 'u',
});

const events: RecordedEvent[] = [
  ev(1, 'referral-R1', 'ReferralMade', made('R1', 'hosp-a1-1', 'agency-police')),
  ev(2, 'referral-R1', 'EvidenceAttached', file(DOSSIER, '案卷.html', 'referralDossier')),
  ev(3, 'referral-R1', 'DeadlineSet', { deadlineId: 'agency-acknowledge', dueAt: DUE, warnAt: [], startedAt: T0 }),
  ev(4, 'referral-R2', 'ReferralMade', made('R2', null, 'agency-police')),
  ev(5, 'referral-R2', 'DeadlineSet', { deadlineId: 'agency-acknowledge', dueAt: DUE, warnAt: [], startedAt: T0 }),
  ev(6, 'referral-R2', 'DeadlineExpired', { deadlineId: 'agency-acknowledge', dueAt: DUE, expiredAt: DUE }),
  ev(7, 'referral-R3', 'ReferralMade', made('R3', 'hosp-b1-1', 'agency-insurance')),
  ev(8, 'referral-R1', 'ReferralAcknowledged', { referralId: 'R1', acknowledgedBy: 'p', acknowledgedAt: T0, late: false }),
  ev(9, 'referral-R1', 'DeadlineCleared', { deadlineId: 'agency-acknowledge', clearedAt: T0, outcome: 'met' }),
  ev(10, 'referral-R1', 'EvidenceAttached', file(DECISION, '立案决定书.pdf', 'referralOutcome')),
  ev(11, 'referral-R1', 'ReferralOutcomeRecorded', {
    referralId: 'R1',
    outcome: 'case-opened',
    text: '已立案',
    evidence: [DECISION],
    recordedBy: 'p',
    recordedAt: T0,
  }),
  ev(12, 'lead-L1', 'LeadSubmitted', {
    leadId: 'L1',
    fromUnit: 'agency-police',
    agencyType: 'police',
    toUnit: 'city-a',
    institutionId: 'hosp-a1-1',
    category: 'fees',
    description: '乱收费线索',
    agencyReference: null,
    submittedBy: 'p',
    submittedAt: T0,
  }),
  ev(13, 'lead-L1', 'LeadRegistered', { leadId: 'L1', ticketId: 'T1', ticketCode: 'TS-1', registeredAt: T0 }),
  ev(14, 'referral-R3', 'DeadlineRecomputed', { deadlineId: 'agency-acknowledge', dueAt: '2025-12-26T15:59:59.999Z' }),
];

describe.each(TEST_SQL_DIALECTS)('referrals projection and queries on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: ReferralQueries;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, REFERRALS_MIGRATIONS]);
    const projection = referralsProjection(test.database);
    await projection.handleBatch(events.slice(0, 6));
    for (const e of events) await projection.handle(e); // the first six again: ignored by the checkpoint
    queries = new ReferralQueries(test.database);
  });
  afterAll(() => test.dispose());

  it('keeps a referral with its deadline, acknowledgement, outcome and files', async () => {
    expect(await queries.referral('R1')).toMatchObject({
      status: 'answered',
      institutionId: 'hosp-a1-1',
      acknowledgeDueAt: DUE,
      acknowledgeOverdue: false,
      acknowledgedBy: 'p',
      outcome: { outcome: 'case-opened', text: '已立案', evidence: [DECISION] },
      dossierDigest: DOSSIER,
    });
    expect((await queries.files('R1')).map((f) => [f.step, f.name, f.size])).toEqual([
      ['referralDossier', '案卷.html', 2048],
      ['referralOutcome', '立案决定书.pdf', 2048],
    ]);
    expect(await queries.referral('R2')).toMatchObject({ status: 'referred', acknowledgeOverdue: true, outcome: null });
    expect((await queries.referral('R3'))!.acknowledgeDueAt).toBe('2025-12-26T15:59:59.999Z');
    expect(await queries.referral('none')).toBeNull();
  });

  it('lists an agency’s referrals, or those of the units a commission reader reads, newest first', async () => {
    const ids = (page: { items: { referralId: string }[] }) => page.items.map((r) => r.referralId);
    expect(ids(await queries.referrals({ agency: 'agency-police' }, {}, undefined))).toEqual(['R2', 'R1']);
    expect(ids(await queries.referrals({ units: ['county-a1', 'hosp-a1-1'] }, {}, undefined))).toEqual(['R2', 'R1']);
    expect(ids(await queries.referrals({ units: ['hosp-b1-1'] }, {}, undefined))).toEqual(['R3']);
    expect(ids(await queries.referrals({ units: [] }, {}, undefined))).toEqual([]);
    expect(ids(await queries.referrals({ all: true }, { status: 'answered' }, undefined))).toEqual(['R1']);
    expect(ids(await queries.referrals({ all: true }, { sourceStream: 'finding-R3' }, undefined))).toEqual(['R3']);
    const first = await queries.referrals({ all: true }, {}, undefined, 2);
    expect(ids(first)).toEqual(['R3', 'R2']);
    expect(ids(await queries.referrals({ all: true }, {}, first.nextCursor ?? undefined, 2))).toEqual(['R1']);
  });

  it('keeps a lead and the ticket it became, listed for the agency that sent it and the commission it went to', async () => {
    expect(await queries.lead('L1')).toMatchObject({ status: 'registered', ticketId: 'T1', ticketCode: 'TS-1', toUnit: 'city-a' });
    expect((await queries.leads({ agency: 'agency-police' }, undefined)).items.map((l) => l.leadId)).toEqual(['L1']);
    expect((await queries.leads({ units: ['city-a'] }, undefined)).items).toHaveLength(1);
    expect((await queries.leads({ units: ['city-b'] }, undefined)).items).toHaveLength(0);
  });

  it('puts each open step on the right list: the agency acknowledges and answers, the commission closes', async () => {
    const db = test.database.db.withTables<ReferralsTables>();
    const police = await referralOpenSteps(db, { agency: 'agency-police', commissionUnits: [] });
    expect(police.map((s) => [s.kind, s.caseId, s.dueAt])).toEqual([['referral-acknowledge', 'R2', DUE]]);
    expect(police[0]!.summary).toBe('问题移交：理由 R2');
    const insurance = await referralOpenSteps(db, { agency: 'agency-insurance', commissionUnits: [] });
    expect(insurance.map((s) => [s.kind, s.caseId])).toEqual([['referral-acknowledge', 'R3']]);
    const county = await referralOpenSteps(db, { agency: null, commissionUnits: ['county-a1', 'hosp-a1-1'] });
    expect(county.map((s) => [s.kind, s.caseId, s.link])).toEqual([['referral-close', 'R1', '/cases/referrals/R1']]);
    expect(await referralOpenSteps(db, { agency: null, commissionUnits: [] })).toEqual([]);
  });
});
