import { Actor, fold, SequentialIdGenerator } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync } from '@bihuan/platform';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ApplicantDirectory } from '../application/applicant-directory';
import { command, T0 } from '../testing/credit-test-fixtures';
import { creditSubjectDecider } from '../domain/subject/credit-subject.decider';
import { ApplicantSubject, CreditSubjectCommand, CreditSubjectEvent } from '../domain/subject/credit-subject.messages';
import { ApplicantCreditQueries } from './applicant-credit.queries';
import { CREDIT_MIGRATIONS, CreditTables } from './credit-read-model.schema';
import { creditProjection } from './credit.projection';
import { CreditQueries } from './credit.queries';

const CODE = '91330100799655058B';
const ORG_KEY = `org.${CODE}`;
const LOOKUP = 'c'.repeat(32);
const PERSON_KEY = `person.${LOOKUP}`;
const org: ApplicantSubject = { kind: 'organisation', creditCode: CODE };
const person: ApplicantSubject = {
  kind: 'person',
  lookup: LOOKUP,
  sealed: { subjectId: `creditPerson.${LOOKUP}`, identityCiphertext: 'sm4cbc-hmacsm3:v1:aXY=:dGFn:Y3Q=' },
};
const office = (unit: string): Actor => ({ id: `insp-${unit}`, role: 'inspector', unit });
const clean = { level: 'A' as const, reason: 'no archive', adverseInWindow: 0, adverseRecords: 0, redListed: false };

/** The subject streams' events, decided one command after another, as the log would hold them. */
function decided(commands: readonly { key: string; command: CreditSubjectCommand }[]): RecordedEvent[] {
  const decider = creditSubjectDecider();
  const streams = new Map<string, CreditSubjectEvent[]>();
  const out: RecordedEvent[] = [];
  for (const { key, command: c } of commands) {
    const before = streams.get(key) ?? [];
    const events = decider.decide(c, fold(decider, before));
    streams.set(key, [...before, ...events]);
    for (const e of events) {
      const i = out.length;
      out.push({
        streamName: `creditSubject-${key}`,
        revision: before.length + events.indexOf(e),
        position: i + 1,
        type: e.type,
        data: e.data,
        metadata: {
          eventId: `ev-${i}`,
          correlationId: 'c',
          causationId: null,
          actor: c.metadata.actor,
          occurredAt: c.metadata.now,
          recordedAt: c.metadata.now,
          schemaVersion: 1,
          prevHash: null,
          hash: 'h',
        },
      });
    }
  }
  return out;
}

const check = (key: string, subject: ApplicantSubject, checkId: string, unit: string, now: string) => ({
  key,
  command: command<CreditSubjectCommand>(
    'CheckApplicantCredit',
    {
      subjectKey: key,
      subject,
      checkId,
      purpose: 'institution-registration',
      applicationRef: `REF-${checkId}`,
      institutionId: null,
      result: clean,
    },
    office(unit),
    now,
  ),
});
const falseMaterial = (key: string, subject: ApplicantSubject, findingId: string, unit: string) => ({
  key,
  command: command<CreditSubjectCommand>(
    'ReportFalseMaterial',
    {
      subjectKey: key,
      subject,
      findingId,
      purpose: 'institution-registration',
      applicationRef: `REF-${findingId}`,
      description: '营业执照复印件系伪造',
      occurredAt: '2025-02-01T00:00:00.000Z',
    },
    office(unit),
  ),
});

/** H1 carries the code CODE in the directory. */
const directory: ApplicantDirectory = {
  profileOf: (id) => (id === 'H1' ? { creditCode: CODE } : undefined),
  institutionWithCreditCode: (code) => (code === CODE ? 'H1' : undefined),
};

function queriesOn(database: SqlDatabase): { credit: CreditQueries; applicants: ApplicantCreditQueries } {
  const clock = new FakeClock(T0);
  const store = new MemoryEventStore(clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const ids = new SequentialIdGenerator('t');
  const execution = new CommandExecution(store, clock, ids, new ReadModelSync(), new CalendarService(store, clock), policies);
  const credit = new CreditQueries(database, execution, policies, directory);
  return { credit, applicants: new ApplicantCreditQueries(database, credit, directory) };
}

describe.each(TEST_SQL_DIALECTS)('applicant credit in the read model on $name (ADR 0019)', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, CREDIT_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  const events = decided([
    check(ORG_KEY, org, 'K1', 'county-a', '2025-01-02T00:00:00.000Z'),
    falseMaterial(ORG_KEY, org, 'F1', 'county-a'),
    check(PERSON_KEY, person, 'K2', 'county-b', '2025-01-03T00:00:00.000Z'),
    check(PERSON_KEY, { ...person, sealed: null }, 'K3', 'county-a', '2025-01-04T00:00:00.000Z'),
  ]);

  it('keeps each applicant folded and one row per check, a person named by the subject key alone', async () => {
    const projection = creditProjection(test.database);
    for (const e of events) await projection.handle(e);
    await projection.handleBatch(events); // redelivered: ignored by the checkpoint
    const db = test.database.db.withTables<CreditTables>();
    const subjects = await db.selectFrom('credit_subjects').select(['subject_key', 'kind']).orderBy('subject_key').execute();
    expect(subjects).toEqual([
      { subject_key: ORG_KEY, kind: 'organisation' },
      { subject_key: PERSON_KEY, kind: 'person' },
    ]);
    const checks = await db
      .selectFrom('credit_checks')
      .select(['check_id', 'kind', 'credit_code', 'checked_in'])
      .orderBy('check_id')
      .execute();
    expect(checks).toEqual([
      { check_id: 'K1', kind: 'organisation', credit_code: CODE, checked_in: 'county-a' },
      { check_id: 'K2', kind: 'person', credit_code: null, checked_in: 'county-b' },
      { check_id: 'K3', kind: 'person', credit_code: null, checked_in: 'county-a' },
    ]);

    const { credit, applicants } = queriesOn(test.database);
    // An office reads its own checks, newest first, a page at a time.
    const first = await applicants.checks(['county-a'], { pageSize: 1 });
    expect(first.items.map((r) => [r.checkId, r.subjectKind, r.creditCode, r.stream])).toEqual([
      ['K3', 'person', null, `creditSubject-${PERSON_KEY}`],
    ]);
    const second = await applicants.checks(['county-a'], { pageSize: 1, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ checkId: 'K1', level: 'A', adverseRecords: 0, redListed: false }], nextCursor: null });
    expect((await applicants.checks(['county-a', 'county-b'], {})).items.map((r) => r.checkId)).toEqual(['K3', 'K2', 'K1']);
    expect(await applicants.checks([], {})).toEqual({ items: [], nextCursor: null });
    // Narrowed by what the list shows: kind, purpose, an organisation's code, Beijing days.
    const ids = async (filter: Parameters<ApplicantCreditQueries['checks']>[1]) =>
      (await applicants.checks(['county-a', 'county-b'], filter)).items.map((r) => r.checkId);
    expect(await ids({ subjectKind: 'person' })).toEqual(['K3', 'K2']);
    expect(await ids({ creditCode: CODE })).toEqual(['K1']);
    expect(await ids({ purpose: 'physician-registration' })).toEqual([]);
    expect(await ids({ purpose: 'institution-registration', subjectKind: 'organisation' })).toEqual(['K1']);
    expect(await ids({ from: '2025-01-03', to: '2025-01-03' })).toEqual(['K2']); // 08:00 in Beijing on the 3rd
    expect(await ids({ from: '2025-01-04' })).toEqual(['K3']);
    expect(await ids({ to: '2025-01-02' })).toEqual(['K1']);

    // The institution the directory holds with that code shows the applicant's adverse record, and its level counts it.
    const view = await credit.view('inspector', 'H1', '2025-06-01T00:00:00.000Z');
    expect(view?.items).toEqual([
      expect.objectContaining({ kind: 'archive' }),
      expect.objectContaining({ kind: 'false-material', infoClass: 'adverse', title: '申请医疗机构执业登记时提供虚假材料（REF-F1）' }),
    ]);
    expect(await credit.level('inspector', 'H1', '2025-06-01T00:00:00.000Z')).toMatchObject({ level: 'B', adverseInWindow: 1 });
    expect(await applicants.recordOf(ORG_KEY, org)).toMatchObject({ institutionId: 'H1' });
    const personRecord = await applicants.recordOf(PERSON_KEY, person);
    expect(personRecord.institutionId).toBeNull();
    expect(personRecord.record.archive.status).toBe('open');
    expect(await applicants.isRegistered(PERSON_KEY)).toBe(true);
    expect(await applicants.isRegistered('person.unknown')).toBe(false);
  });
});
