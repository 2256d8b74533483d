import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ETHICS_MIGRATIONS } from './ethics-read-model.schema';
import { ethicsProjection } from './ethics.projection';
import { EthicsQueries } from './ethics.queries';

const T0 = '2025-03-03T01:00:00.000Z';

/** An ethics event as the log delivers it (only the fields the projection reads matter). */
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
    actor: { id: 'u', role: 'hospital', unit: 'H1' },
    occurredAt: T0,
    recordedAt: T0,
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
});

const opened = (staffId: string, institutionId: string, implicit: boolean) => ({
  staffId,
  institutionId,
  departmentId: implicit ? null : 'dep-1',
  name: implicit ? null : `Dr ${staffId}`,
  openedBy: 'u',
  implicit,
});

const record = (recordId: string, points: number, causedBy: object | null) => ({
  recordId,
  staffId: 'S1',
  institutionId: 'H1',
  sourceKind: 'inspection',
  source: { kind: 'inspection' },
  recordKind: 'deduction',
  category: null,
  summary: `record ${recordId}`,
  evidence: ['photo-1', 'photo-2'],
  points,
  vetoItem: null,
  occurredAt: T0,
  year: 2025,
  causedBy,
  addedBy: 'u',
  policyVersion: 'ethics-default@1',
});

const EVAL = 'H1.2025.S1';
const events: RecordedEvent[] = [
  ev(1, 'ethicsArchive-S2', 'EthicsArchiveOpened', opened('S2', 'H2', true)),
  ev(2, 'ethicsArchive-S1', 'EthicsArchiveOpened', opened('S1', 'H1', false)),
  ev(3, 'ethicsArchive-S0', 'EthicsArchiveOpened', opened('S0', 'H1', false)),
  ev(4, 'ethicsArchive-S1', 'EthicsRecordAdded', record('R2', -0.5, { stream: 'complaintTicket-T1', eventId: 'x' })),
  ev(5, 'ethicsArchive-S1', 'EthicsRecordAdded', record('R1', 2.25, null)),
  ev(6, 'ethicsArchive-S1', 'EthicsRecordRetracted', {
    recordId: 'R2',
    staffId: 'S1',
    reason: 'mistaken',
    retractedBy: 'u',
    retractedAt: T0,
  }),
  ev(7, `ethicsEvaluation-${EVAL}`, 'EthicsEvaluationOpened', {
    evaluationId: EVAL,
    institutionId: 'H1',
    year: 2025,
    staffId: 'S1',
    departmentId: 'dep-1',
    openedBy: 'u',
    policyVersion: 'p',
  }),
  ev(8, 'ethicsEvaluation-H1.2025.S0', 'EthicsEvaluationOpened', {
    evaluationId: 'H1.2025.S0',
    institutionId: 'H1',
    year: 2025,
    staffId: 'S0',
    departmentId: null,
    openedBy: 'u',
    policyVersion: 'p',
  }),
  ev(9, `ethicsEvaluation-${EVAL}`, 'SelfEvaluationSubmitted', { evaluationId: EVAL, summary: 'diligent', selfScore: 95.5 }),
  ev(10, `ethicsEvaluation-${EVAL}`, 'EthicsEvaluationReviewed', { evaluationId: EVAL, departmentScore: 91.1 }),
  ev(11, `ethicsEvaluation-${EVAL}`, 'EthicsEvaluationScored', {
    evaluationId: EVAL,
    assessedScore: 87.35,
    deductions: 0.5,
    additions: 1.25,
    finalScore: 88.1,
    vetoItems: ['kickbacks'],
    provisionalGrade: 'good',
    reason: 'one veto item',
  }),
  ev(12, `ethicsEvaluation-${EVAL}`, 'EthicsEvaluationPosted', { evaluationId: EVAL, from: T0, until: '2025-03-10' }),
  ev(13, `ethicsEvaluation-${EVAL}`, 'EthicsEvaluationFinalised', {
    evaluationId: EVAL,
    grade: 'fair',
    downgradedByCap: true,
    passesPeriodicAssessment: false,
    finalScore: 88.1,
  }),
  ev(14, 'ethicsArchive-S1', 'EvidenceAttached', {
    file: { digest: 'd'.repeat(64), size: 2048, mediaType: 'application/pdf', name: '谈话记录.pdf' },
    step: 'ethics',
    note: '院内调查',
    attachedBy: 'u',
  }),
];

describe.each(TEST_SQL_DIALECTS)('ethics projection and queries on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: EthicsQueries;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, ETHICS_MIGRATIONS]);
    const projection = ethicsProjection(test.database);
    await projection.handleBatch(events.slice(0, 5));
    for (const e of events) await projection.handle(e); // the first five again: ignored by the checkpoint
    queries = new EthicsQueries(test.database);
  });
  afterAll(() => test.dispose());

  it('lists archives by institution, then staff, with booleans and nulls as they were opened', async () => {
    expect(await queries.archivesOf(['H1', 'H2'])).toEqual([
      { staffId: 'S0', institutionId: 'H1', departmentId: 'dep-1', name: 'Dr S0', implicit: false, openedAt: T0 },
      { staffId: 'S1', institutionId: 'H1', departmentId: 'dep-1', name: 'Dr S1', implicit: false, openedAt: T0 },
      { staffId: 'S2', institutionId: 'H2', departmentId: null, name: null, implicit: true, openedAt: T0 },
    ]);
    expect(await queries.archivesOf([])).toEqual([]);
    expect(await queries.archive('S2')).toMatchObject({ implicit: true });
    expect(await queries.archive('nobody')).toBeNull();
  });

  it('keeps records in log order with their fractional points, evidence, cause and retraction', async () => {
    const rows = await queries.records('S1');
    expect(rows.map((r) => [r.recordId, r.points, r.retracted, r.retractReason])).toEqual([
      ['R2', -0.5, true, 'mistaken'],
      ['R1', 2.25, false, null],
    ]);
    expect(rows[0]).toMatchObject({
      evidence: ['photo-1', 'photo-2'],
      causedBy: { stream: 'complaintTicket-T1', eventId: 'x' },
      year: 2025,
      sourceKind: 'inspection',
      category: null,
    });
    expect(rows[1]!.causedBy).toBeNull();
    expect(rows.reduce((sum, r) => sum + (r.retracted ? 0 : r.points), 0)).toBe(2.25);
  });

  it('lists the files an archive’s records cite, by digest', async () => {
    expect(await queries.files('S1')).toEqual([
      { digest: 'd'.repeat(64), name: '谈话记录.pdf', size: 2048, mediaType: 'application/pdf', note: '院内调查', attachedBy: 'u' },
    ]);
    expect(await queries.files('S0')).toEqual([]);
  });

  it('answers evaluations with the scores exactly as decided, ordered by staff', async () => {
    const list = await queries.evaluations('H1', 2025);
    expect(list.map((e) => [e.staffId, e.status])).toEqual([
      ['S0', 'opened'],
      ['S1', 'finalised'],
    ]);
    expect(list[0]).toMatchObject({
      selfScore: null,
      finalScore: null,
      vetoItems: [],
      downgradedByCap: null,
      passesPeriodicAssessment: null,
    });
    expect(await queries.evaluation(EVAL)).toEqual({
      evaluationId: EVAL,
      institutionId: 'H1',
      year: 2025,
      staffId: 'S1',
      departmentId: 'dep-1',
      status: 'finalised',
      selfScore: 95.5,
      departmentScore: 91.1,
      assessedScore: 87.35,
      deductions: 0.5,
      additions: 1.25,
      finalScore: 88.1,
      vetoItems: ['kickbacks'],
      provisionalGrade: 'good',
      reason: 'one veto item',
      grade: 'fair',
      downgradedByCap: true,
      passesPeriodicAssessment: false,
    });
    expect(await queries.evaluations('H1', 2024)).toEqual([]);
    expect(await queries.evaluation('none')).toBeNull();
  });
});
