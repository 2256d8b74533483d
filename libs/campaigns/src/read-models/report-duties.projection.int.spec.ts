import { Command, SYSTEM_ACTOR } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ReportDutyRecords } from '../application/duties/report-records';
import { reportMatrix } from '../application/duties/report-matrix';
import { acceptPhases } from '../domain/campaign-phases';
import {
  AcceptReport,
  AttachReportEvidence,
  ExpireReportDeadline,
  ReturnReport,
  SubmitReport,
  WithdrawReportDuty,
} from '../domain/duty/report-duty.messages';
import { assign, cmd, FILE, history, hospital, inspector, window } from '../domain/duty/report-duty.fixtures';
import { CAMPAIGNS_MIGRATIONS } from './campaigns-read-model.schema';
import { reportDutiesProjection } from './report-duties.projection';
import { ReportDutyQueries } from './report-duties.queries';
import { reportDutyOpenSteps } from './report-duty-open-steps';
import { ReportDutyTables } from './report-duties.schema';

let position = 0;
/** A duty's commands through the decider, its events as the log records them. */
function stream(dutyId: string, commands: Command[]): RecordedEvent[] {
  return history(commands).map((e, revision) => {
    position += 1;
    const metadata = { eventId: `ev-${position}`, occurredAt: '2025-03-03T02:00:00.000Z' } as RecordedEvent['metadata'];
    return { ...e, metadata, streamName: `reportDuty-${dutyId}`, revision, position };
  });
}

const as = (id: string) => ({ dutyId: id });
const attach = (id: string, now: string) =>
  cmd<AttachReportEvidence>('AttachReportEvidence', { ...as(id), file: FILE, step: 'report', note: null }, hospital, now);
const submit = (id: string, now: string, actor = hospital) =>
  cmd<SubmitReport>('SubmitReport', { ...as(id), text: '已报送', evidence: [FILE.digest] }, actor, now);
const h2 = { ...hospital, id: 'u-h2', unit: 'inst-2' };
const h6 = { ...hospital, id: 'u-h6', unit: 'inst-6' };
const DUE = '2025-03-07T15:59:59.999Z';
const RUNG = '2025-03-12T15:59:59.999Z';
const APRIL = '2025-04-30T15:59:59.999Z';

/** Four duties of camp-1 (due 7 March): inst-1 on time and accepted; inst-2 late, escalated, returned, again; inst-3 owed; inst-4 withdrawn. Another campaign's duty of inst-1. */
const EVENTS: RecordedEvent[] = [
  ...stream('d-1', [
    assign(as('d-1')),
    attach('d-1', '2025-03-05T02:00:00.000Z'),
    submit('d-1', '2025-03-05T02:00:00.000Z'),
    cmd<AcceptReport>('AcceptReport', { ...as('d-1') }, inspector, '2025-03-06T02:00:00.000Z'),
  ]),
  ...stream('d-2', [
    assign({ ...as('d-2'), institutionId: 'inst-2' }),
    cmd<ExpireReportDeadline>('ExpireDeadline', { deadlineId: 'report.due', dueAt: DUE, next: window(RUNG, DUE) }, SYSTEM_ACTOR, DUE),
    cmd<AttachReportEvidence>(
      'AttachReportEvidence',
      { ...as('d-2'), file: FILE, step: 'report', note: null },
      h2,
      '2025-03-10T02:00:00.000Z',
    ),
    submit('d-2', '2025-03-10T02:00:00.000Z', h2),
    cmd<ReturnReport>(
      'ReturnReport',
      { ...as('d-2'), reason: '缺少台账', deadline: window(RUNG, '2025-03-10T03:00:00.000Z') },
      inspector,
      '2025-03-10T03:00:00.000Z',
    ),
  ]),
  ...stream('d-3', [assign({ ...as('d-3'), institutionId: 'inst-3', opensOn: '2025-03-01' })]),
  ...stream('d-4', [
    assign({ ...as('d-4'), institutionId: 'inst-4' }),
    cmd<WithdrawReportDuty>('WithdrawReportDuty', { ...as('d-4'), reason: 'no-longer-required' }, SYSTEM_ACTOR, '2025-03-04T02:00:00.000Z'),
  ]),
  ...stream('d-6', [
    assign({ ...as('d-6'), institutionId: 'inst-6' }),
    cmd<AttachReportEvidence>(
      'AttachReportEvidence',
      { ...as('d-6'), file: FILE, step: 'report', note: null },
      h6,
      '2025-03-06T02:00:00.000Z',
    ),
    submit('d-6', '2025-03-06T02:00:00.000Z', h6),
  ]),
  ...stream('d-9', [
    assign({
      ...as('d-9'),
      campaignId: 'camp-9',
      issuingUnitId: 'city-9',
      dueOn: '2025-04-30',
      opensOn: '2025-04-01',
      dueAt: APRIL,
      deadline: window(APRIL),
    }),
  ]),
];

describe.each(TEST_SQL_DIALECTS)('reporting duties read model on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: ReportDutyQueries;
  const NOW = '2025-03-11T02:00:00.000Z';
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, CAMPAIGNS_MIGRATIONS]);
    const projection = reportDutiesProjection(test.database);
    await projection.handleBatch(EVENTS);
    await projection.handleBatch(EVENTS); // redelivered: the checkpoint ignores it
    queries = new ReportDutyQueries(test.database);
  });
  afterAll(() => test.dispose());

  const ids = async (scope: { institutions: string[]; issuingUnits: string[] }, filter = {}) =>
    (await queries.list(scope, filter, NOW, undefined, 20)).items.map((d) => d.dutyId);

  it('keeps where each duty stands: accepted on time, returned after a late hand-in and an escalation, owed, withdrawn', async () => {
    const [d1, d2, d3, d4] = await queries.ofCampaign('camp-1', ['inst-1', 'inst-2', 'inst-3', 'inst-4'], NOW);
    expect(d1).toMatchObject({ dutyId: 'd-1', status: 'accepted', onTime: true, submissions: 1, overdue: false, escalationStep: null });
    expect(d2).toMatchObject({
      dutyId: 'd-2',
      status: 'returned',
      onTime: false,
      round: 2,
      returnReason: '缺少台账',
      escalationRung: 'overdue-reminder',
      overdue: true,
    });
    expect(d3).toMatchObject({ dutyId: 'd-3', status: 'assigned', submittedAt: null, onTime: null, overdue: true });
    expect(d4).toMatchObject({ status: 'withdrawn', overdue: false });
  });

  it('lists by scope (institutions owed, units issued), nearest due first, with filters; pages', async () => {
    expect(await ids({ institutions: ['inst-1'], issuingUnits: [] })).toEqual(['d-1', 'd-9']);
    expect(await ids({ institutions: [], issuingUnits: ['county-1'] })).toEqual(['d-1', 'd-2', 'd-3', 'd-4', 'd-6']);
    expect(await ids({ institutions: [], issuingUnits: [] })).toEqual([]);
    const all = { institutions: ['inst-1', 'inst-2', 'inst-3', 'inst-4'], issuingUnits: ['county-1', 'city-9'] };
    expect(await ids(all, { overdue: true })).toEqual(['d-2', 'd-3']);
    expect(await ids(all, { overdue: false, campaignId: 'camp-1' })).toEqual(['d-1', 'd-4', 'd-6']);
    expect(await ids(all, { status: 'accepted' })).toEqual(['d-1']);
    expect(await ids(all, { institutionId: 'inst-1', kind: 'implementation-plan' })).toEqual(['d-1', 'd-9']);
    const first = await queries.list(all, {}, NOW, undefined, 3);
    const second = await queries.list(all, {}, NOW, first.nextCursor!, 3);
    expect([...first.items, ...second.items].map((d) => d.dutyId)).toEqual(['d-1', 'd-2', 'd-3', 'd-4', 'd-6', 'd-9']);
    expect(second.nextCursor).toBeNull();
  });

  it('gives the to-do steps: reports owed to their hospitals once open, reports handed in to the issuing office', async () => {
    const db = test.database.db.withTables<ReportDutyTables>();
    const owed = await reportDutyOpenSteps(db, { hospitalOf: ['inst-2', 'inst-3'], commissionUnits: [] }, '2025-03-11');
    expect(owed.map((s) => [s.kind, s.caseId, s.unitId, s.dueAt])).toEqual([
      ['report-duty', 'd-2', 'inst-2', DUE],
      ['report-duty', 'd-3', 'inst-3', DUE],
    ]);
    expect(owed[0]!.link).toBe('/cases/report-duties/d-2');
    expect(owed[0]!.summary).toBe('医德医风专项行动 · 实施方案（宣传动员）');
    expect(await reportDutyOpenSteps(db, { hospitalOf: ['inst-1'], commissionUnits: [] }, '2025-03-11')).toEqual([]); // d-9 opens 1 April
    expect((await reportDutyOpenSteps(db, { hospitalOf: ['inst-1'], commissionUnits: [] }, '2025-04-01')).map((s) => s.caseId)).toEqual([
      'd-9',
    ]);
    const review = await reportDutyOpenSteps(db, { hospitalOf: [], commissionUnits: ['county-1'] }, '2025-03-11');
    expect(review.map((s) => [s.kind, s.caseId, s.unitId])).toEqual([['report-duty-review', 'd-6', 'county-1']]);
    expect(await reportDutyOpenSteps(db, { hospitalOf: [], commissionUnits: ['city-9'] }, '2025-03-11')).toEqual([]);
  });

  it('answers the campaign’s records (what stands, on time or not) and its unit × report matrix', async () => {
    const clock = { now: () => new Date(NOW) };
    expect(await new ReportDutyRecords(test.database, clock).received('camp-1')).toEqual([
      { institutionId: 'inst-1', kind: 'implementation-plan', dueOn: '2025-03-07', receivedOn: '2025-03-05', onTime: true },
      { institutionId: 'inst-6', kind: 'implementation-plan', dueOn: '2025-03-07', receivedOn: '2025-03-06', onTime: true },
    ]);
    const phases = acceptPhases(
      [{ name: '宣传动员', from: '2025-03-01', to: '2025-03-31', reports: [{ kind: 'implementation-plan', due: '2025-03-07' }] }],
      2025,
    );
    const institutions = ['inst-1', 'inst-2', 'inst-3', 'inst-5'];
    const matrix = reportMatrix(phases, institutions, await queries.ofCampaign('camp-1', institutions, NOW), NOW);
    expect(matrix.columns).toEqual([{ phaseIndex: 0, phaseName: '宣传动员', kind: 'implementation-plan', dueOn: '2025-03-07' }]);
    expect(matrix.rows.map((r) => r.cells[0]?.status ?? null)).toEqual(['accepted', 'returned', 'assigned', null]);
    expect(matrix.totals).toMatchObject({ duties: 3, due: 3, received: 1, accepted: 1, returned: 1, onTime: 1, late: 0, overdue: 2 });
  });
});
