import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from '../inspection/inspection-steps';
import { launchCampaign } from './campaign-steps';
import { dutyOf, duties, inboxNotes, reportFile, reportTodos, REPORTING_CAMPAIGN } from './report-duty-steps';

type Body = Record<string, unknown>;
const A1 = 'hospital-a1-1';
const A2 = 'hospital-a1-2';
const ISSUER = 'inspector-city-a';
const LEADER = 'leader-city-a';
const PLAN_DUE = '2025-03-07T15:59:59.999Z';

/**
 * Issue 22, item 2: reporting duties (报送) from a campaign's launch to its closing summary, with
 * time skipped by the manual timers: duties generated per institution; one hospital hands its
 * 实施方案 in on time with a file and it is accepted; the other misses the day, is reminded, then
 * escalated (逾期催报, then 督办 for a March 月报), hands in late, is returned with a reason, hands in
 * again and is accepted; the summary counts what was received and on time; the close withdraws the rest.
 */
describe('reporting duties of a campaign, with time skipping (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let campaign: string;
  let planA1: string;
  let planA2: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' }); // Monday 09:00 in Shanghai
    s = steps(t);
  });
  afterAll(() => t.close());

  it('generates a duty per report instance and institution, with due instants on the working-day calendar', async () => {
    campaign = await launchCampaign(t, ISSUER, REPORTING_CAMPAIGN);
    const all = await duties(t, LEADER, `&campaignId=${campaign}`);
    expect(all).toHaveLength(8);
    const own = await duties(t, A1);
    expect(own.map((d) => [d.kind, d.dueOn, d.dueAt, d.status])).toEqual([
      ['implementation-plan', '2025-03-07', PLAN_DUE, 'assigned'],
      ['monthly-report', '2025-03-31', '2025-03-31T15:59:59.999Z', 'assigned'],
      ['monthly-report', '2025-04-30', '2025-04-30T15:59:59.999Z', 'assigned'],
      ['monthly-report', '2025-05-31', '2025-06-03T15:59:59.999Z', 'assigned'], // 端午: moved to the next working day
    ]);
    planA1 = (await dutyOf(t, A1, 'hosp-a1-1', '2025-03-07')).dutyId;
    planA2 = (await dutyOf(t, A2, 'hosp-a1-2', '2025-03-07')).dutyId;
    // Relaunching nothing: the launch's duties are there once, whatever the workflow saw.
    expect(new Set(all.map((d) => d.dutyId)).size).toBe(8);
    const assigned = await inboxNotes(t.readModels, 'assignment', 8);
    expect(assigned.filter((n) => n.address === A1).map((n) => n.title)).toContain(
      '报送任务：“2025年医德医风专项行动”实施方案（2025年3月7日前）',
    );
  });

  it('puts the open 实施方案 on each hospital’s to-do list (not the months to come), linking the duty’s case page', async () => {
    const todos = await reportTodos(t, A1);
    expect(todos[0]!['link']).toBe(`/cases/report-duties/${planA1}`);
    const history = await s.get(A1, `/audit/cases/reportDuty-${planA1}/history`);
    expect(JSON.stringify(history)).toContain('报送实施方案');
    expect(todos).toEqual([
      expect.objectContaining({
        kind: 'report-duty',
        title: '报送材料待提交',
        caseId: planA1,
        dueAt: PLAN_DUE,
        overdue: false,
        workingDaysLeft: 4,
      }),
    ]);
  });

  it('takes hosp-a1-1’s plan on time with a file; the issuing office reviews it from its list and accepts it', async () => {
    await t.advanceTo('2025-03-05T02:00:00.000Z');
    const file = await reportFile(t, A1, planA1);
    const handedIn = await s.post(A1, `/report-duties/${planA1}/submit`, { text: '医院实施方案已经院党委会审议通过。', evidence: [file] });
    expect(handedIn['events']).toEqual(['ReportSubmitted', 'DeadlineCleared']);
    expect(await reportTodos(t, A1)).toEqual([]);
    expect((await reportTodos(t, ISSUER)).map((i) => [i['kind'], i['caseId']])).toEqual([['report-duty-review', planA1]]);
    await s.post(ISSUER, `/report-duties/${planA1}/accept`, { comment: '材料齐全' });
    const detail = await s.get(A1, `/report-duties/${planA1}`);
    expect(detail).toMatchObject({ status: 'accepted', deadline: null, reviews: [{ outcome: 'accepted', note: '材料齐全' }] });
    expect((detail['submissions'] as Body[])[0]).toMatchObject({ onTime: true, evidence: [{ digest: file, name: '实施方案.png' }] });
    expect((await inboxNotes(t.readModels, 'approval', 1)).map((n) => n.address)).toEqual([A1]);
  });

  it('reminds hosp-a1-2 before the day, then escalates when it passes: both the unit and the issuing office are told', async () => {
    await t.advanceTo('2025-03-07T01:00:00.000Z'); // at 50% and 80% of the working time: Wednesday 16:30, Friday 01:48
    const warned = await inboxNotes(t.readModels, 'deadlineWarning', 2);
    expect(warned.every((n) => n.address === A2 && n.title.startsWith('报送期限即将届满：'))).toBe(true);
    await t.advanceTo('2025-03-08T01:00:00.000Z');
    const escalated = await inboxNotes(t.readModels, 'escalation', 2);
    expect(escalated.map((n) => n.address).sort()).toEqual([A2, ISSUER]);
    expect(escalated[0]!.title).toBe('逾期未报送（逾期催报）：“2025年医德医风专项行动”实施方案（2025年3月7日前）');
    expect(await dutyOf(t, LEADER, 'hosp-a1-2', '2025-03-07')).toMatchObject({ overdue: true, escalationRung: 'overdue-reminder' });
    const todos = await reportTodos(t, A2);
    expect(todos).toEqual([expect.objectContaining({ caseId: planA2, overdue: true, workingDaysLeft: 0 })]);
    expect((await duties(t, LEADER, '&overdue=true')).map((d) => d.dutyId)).toEqual([planA2]);
  });

  it('takes it late, returns it with a reason, takes it again and accepts it — late', async () => {
    await t.advanceTo('2025-03-10T02:00:00.000Z');
    await s.post(A2, `/report-duties/${planA2}/submit`, { text: '实施方案（初稿）' });
    const returned = await s.post(ISSUER, `/report-duties/${planA2}/return`, { reason: '未明确责任科室，请补充后重新报送' });
    expect(returned['events']).toEqual(['ReportReturned', 'DeadlineSet']);
    const back = await inboxNotes(t.readModels, 'rejection', 1);
    expect(back[0]).toMatchObject({ address: A2, body: '退回理由：未明确责任科室，请补充后重新报送。请修改后重新报送。' });
    expect(await reportTodos(t, A2)).toEqual([expect.objectContaining({ caseId: planA2, overdue: true })]);
    await t.advanceTo('2025-03-11T02:00:00.000Z');
    const file = await reportFile(t, A2, planA2, 0x90);
    await s.post(A2, `/report-duties/${planA2}/submit`, { text: '实施方案（修订稿），已明确各科室责任。', evidence: [file] });
    await s.post(LEADER, `/report-duties/${planA2}/accept`, {});
    const detail = await s.get(LEADER, `/report-duties/${planA2}`);
    expect(detail).toMatchObject({ status: 'accepted', round: 2, escalation: { step: 1, rung: 'overdue-reminder' } });
    expect((detail['submissions'] as Body[]).map((x) => x['onTime'])).toEqual([false, false]);
  });

  it('shows the leader who handed in what, on time or late, and the summary’s received and on-time rates', async () => {
    const matrix = await s.get(LEADER, `/campaigns/${campaign}/reports`);
    expect((matrix['columns'] as Body[]).map((c) => c['dueOn'])).toEqual(['2025-03-07', '2025-03-31', '2025-04-30', '2025-05-31']);
    const rows = matrix['units'] as { name: string; cells: (Body | null)[] }[];
    expect(rows.map((r) => [r.name, r.cells[0]!['status'], r.cells[0]!['onTime'], r.cells[1]!['status']])).toEqual([
      ['甲市第一人民医院', 'accepted', true, 'assigned'],
      ['东城区中医医院', 'accepted', false, 'assigned'],
    ]);
    expect(matrix['totals']).toMatchObject({ duties: 8, due: 2, received: 2, accepted: 2, onTime: 1, late: 1, overdue: 0 });
    const summary = await s.get(LEADER, `/campaigns/${campaign}/summary`);
    expect(summary).toMatchObject({
      reportsTracked: true,
      totals: { reportsDue: 2, reportsReceived: 2, reportsOnTime: 1, reportsOnTimeRate: 0.5 },
    });
    const own = await s.get(A1, `/campaigns/${campaign}/reports`);
    expect((own['units'] as Body[]).map((u) => u['institutionId'])).toEqual(['hosp-a1-1']);
  });

  it('climbs to 督办 when March’s 月报 stays out past the 逾期催报’s working days: the issuing office’s leaders are told', async () => {
    await t.advanceTo('2025-04-01T01:00:00.000Z'); // March's reports expired at the end of 31 March
    await t.advanceTo('2025-04-07T01:00:00.000Z'); // 3 working days later (1–3 April; 清明 4–6 April)
    const march = await dutyOf(t, LEADER, 'hosp-a1-1', '2025-03-31');
    expect(march).toMatchObject({ escalationRung: 'supervision', overdue: true, status: 'assigned' });
    const supervision = (await inboxNotes(t.readModels, 'escalation', 8)).filter((n) => n.title.startsWith('逾期未报送（督办）'));
    expect(supervision.map((n) => n.address).sort()).toEqual([ISSUER, ISSUER, LEADER, LEADER, A1, A2].sort());
  });

  it('closes: what is still owed is withdrawn and leaves every list; the 通报 keeps the figures', async () => {
    const closed = await s.post(ISSUER, `/campaigns/${campaign}/close`, {});
    expect(closed['events']).toEqual(['CampaignClosed']);
    await t.settle();
    expect((await duties(t, LEADER, `&campaignId=${campaign}&status=withdrawn`)).map((d) => d.dueOn).sort()).toEqual([
      '2025-03-31',
      '2025-03-31',
      '2025-04-30',
      '2025-04-30',
      '2025-05-31',
      '2025-05-31',
    ]);
    expect(await reportTodos(t, A1)).toEqual([]);
    const summary = await s.get(LEADER, `/campaigns/${campaign}/summary`);
    expect(summary).toMatchObject({
      status: 'closed',
      totals: { reportsDue: 4, reportsReceived: 2, reportsOnTime: 1, reportsOnTimeRate: 0.25 },
    });
    const res = await t.download(`/campaigns/${campaign}/summary/export`, LEADER).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('按机构')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const total = (sheet.getRow(6).values as unknown[]).slice(1); // two institutions, then 合计
    expect([header.indexOf('应报送'), header.indexOf('已报送'), header.indexOf('按时报送')].map((i) => total[i])).toEqual([4, 2, 1]);
  });
});
