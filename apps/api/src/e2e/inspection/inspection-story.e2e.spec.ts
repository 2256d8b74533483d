import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from './inspection-steps';

/** The 整改台账 columns of issue 17, in order. */
const LEDGER_HEADERS = [
  '序号', '问题来源', '发现日期', '问题描述', '问题类别', '整改类型', '整改措施', '责任部门',
  '责任人', '整改时限', '完成情况', '是否销号', '销号日期', '督办级别', '通知书文号', '备注',
]; // prettier-ignore

type Row = Record<string, unknown>;
const rowsOf = (ledger: Row) => ledger['rows'] as Row[];
const byId = (ledger: Row, id: string) => rowsOf(ledger).find((r) => r['findingId'] === id)!;

/**
 * The story of issue 4: an unannounced visit with three findings; two rectified and signed off;
 * one goes overdue, climbs to a reminder letter and then a summons, is extended and finally signed
 * off; a re-check reopens one. The ledger, its exports and one finding's history show it all.
 */
describe('inspection story (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;
  let f1: string; // severe: re-checked 90 days after sign-off, then reopened (反弹)
  let f2: string; // rectified and signed off
  let f3: string; // overdue → reminder letter → … → summons → extended → signed off

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' }); // Monday 09:00 in Shanghai
    s = steps(t);
  });
  afterAll(() => t.close());

  it('opens three findings on an unannounced visit and issues notices with 15-working-day deadlines', async () => {
    visit = await s.visit({ kind: 'unannounced' });
    f1 = await s.finding(visit, { severity: 'severe' });
    f2 = await s.finding(visit, { category: 'disclosure', description: '未公示收费标准', responsibleDepartment: '财务科' });
    f3 = await s.finding(visit, {
      category: 'service-attitude',
      severity: 'serious',
      description: '门诊推诿患者',
      responsibleDepartment: '门诊部',
    });
    const v = await s.get('inspector-a1', `/visits/${visit}`);
    expect(v).toMatchObject({ kind: 'unannounced', status: 'findingsRegistered', findingIds: [f1, f2, f3] });
    await s.rectify(f1);
    await s.rectify(f2);
    await s.post('inspector-a1', `/findings/${f3}/notice`, { noticeNo: '整改〔2025〕3号' });
    await s.post('hospital-a1-1', `/findings/${f3}/plan`, { measures: '开展服务礼仪培训', responsiblePerson: '李护士长' });
    const f3row = await s.get('hospital-a1-1', `/findings/${f3}`);
    expect(f3row['currentDeadline']).toMatchObject({ deadlineId: 'rectify', dueAt: '2025-03-24T15:59:59.999Z', workingDays: 15 });
  });

  it('signs off two rows; the severe one gets a re-check 90 days later', async () => {
    await s.post('inspector-a1', `/findings/${f1}/sign-off`, { comment: '同意销号' });
    await s.post('inspector-a1', `/findings/${f2}/sign-off`, {});
    const ledger = await s.get('hospital-a1-1', `/ledgers/visits/${visit}`);
    expect(byId(ledger, f1)).toMatchObject({
      signedOff: true,
      recheckStatus: 'scheduled',
      recheckDueAt: '2025-06-01T15:59:59.999Z',
      onTime: true,
    });
    expect(byId(ledger, f2)).toMatchObject({ signedOff: true, recheckStatus: 'none' });
    expect(ledger['summary']).toMatchObject({ total: 3, signedOff: 2, overdue: 0, closed: false });
  });

  it('the third goes overdue and gets a reminder letter with its own 5-working-day deadline', async () => {
    await t.advanceTo('2025-03-25T02:00:00.000Z');
    const row = byId(await s.get('inspector-a1', `/ledgers/institutions/hosp-a1-1`), f3);
    expect(row).toMatchObject({
      overdue: true,
      escalationRung: 'reminder-letter',
      escalationStep: 1,
      currentDueAt: '2025-03-31T15:59:59.999Z',
      deadline: '2025-03-24T15:59:59.999Z',
    });
    const counts = await s.get('leader-city-a', '/ledgers/counts');
    expect(counts).toMatchObject({ total: 3, overdue: 1, signedOff: 2 });
    expect(counts['byInstitution']).toEqual([
      { key: 'hosp-a1-1', name: '甲市第一人民医院', total: 3, open: 1, signedOff: 2, withdrawn: 0, overdue: 1 },
    ]);
    expect(counts['byEscalationRung']).toEqual([expect.objectContaining({ key: 'reminder-letter', total: 1, overdue: 1 })]);
    const overdue = await s.get('leader-prov', '/findings?overdue=true');
    expect((overdue['items'] as Row[]).map((r) => r['findingId'])).toEqual([f3]);
  });

  it('climbs the ladder to a summons, is extended, and is finally signed off late', async () => {
    await t.advanceTo('2025-04-16T02:00:00.000Z');
    let row = byId(await s.get('inspector-a1', `/ledgers/visits/${visit}`), f3);
    expect(row).toMatchObject({ escalationRung: 'summons', escalationStep: 3, currentDueAt: '2025-04-22T15:59:59.999Z', overdue: true });
    const asked = await s.post('hospital-a1-1', `/findings/${f3}/extension-request`, {
      reason: '需全员轮训',
      requestedDueAt: '2025-05-09',
    });
    await s.post('inspector-a1', `/findings/${f3}/extension-approval`, {
      extensionId: asked['extensionId'],
      workingDays: 5,
      comment: '同意延期5个工作日',
    });
    row = byId(await s.get('inspector-a1', `/ledgers/visits/${visit}`), f3);
    // 5 working days after 22 April: 23, 24, 25, Sunday 27 (调休上班) and 28 April.
    expect(row).toMatchObject({ currentDueAt: '2025-04-28T15:59:59.999Z', extensionsApproved: 1, pendingExtension: null });
    const [roster, report] = [await s.evidence('hospital-a1-1', f3, 31), await s.evidence('hospital-a1-1', f3, 32)];
    await s.post('hospital-a1-1', `/findings/${f3}/progress`, { summary: '已完成全员培训', evidence: [roster] });
    await s.post('hospital-a1-1', `/findings/${f3}/sign-off-request`, { summary: '整改完成', evidence: [report] });
    await s.post('inspector-a1', `/findings/${f3}/sign-off`, { comment: '逾期完成，予以销号' });
    const ledger = await s.get('leader-prov', `/ledgers/visits/${visit}`);
    expect(byId(ledger, f3)).toMatchObject({ signedOff: true, onTime: false, overdue: false });
    expect(ledger['summary']).toMatchObject({ total: 3, signedOff: 3, overdue: 0, closed: true });
    expect((await s.get('leader-prov', `/visits/${visit}`))['status']).toBe('closed');
  });

  it('a re-check (回头看) falls due and reopens the severe finding, which reopens the visit', async () => {
    await t.advanceTo('2025-06-02T02:00:00.000Z');
    expect((await s.get('inspector-a1', `/findings/${f1}`))['recheck']).toBe('due');
    const seen = await s.evidence('inspector-a1', f1, 90); // a signed-off finding takes the inspector's re-check files
    await s.post('inspector-a1', `/findings/${f1}/recheck`, { outcome: 'reopened', notes: '回头看发现问题反弹', evidence: [seen] });
    const detail = await s.get('inspector-a1', `/findings/${f1}`);
    expect(detail).toMatchObject({ status: 'noticeIssued', rectification: { round: 2 }, currentDeadline: { deadlineId: 'rectify.r2' } });
    // Dragon Boat Festival: 2 June is off, so 15 working days run 3–23 June.
    expect((detail['currentDeadline'] as Row)['dueAt']).toBe('2025-06-23T15:59:59.999Z');
    const ledger = await s.get('hospital-a1-1', '/ledgers/institutions/hosp-a1-1');
    expect(rowsOf(ledger).map((r) => [r['seq'], r['findingId'], r['status'], r['signedOff']])).toEqual([
      [1, f1, 'noticeIssued', false],
      [2, f2, 'signedOff', true],
      [3, f3, 'signedOff', true],
    ]);
    expect(ledger['summary']).toMatchObject({ total: 3, signedOff: 2, open: 1, closed: false });
    expect((await s.get('leader-prov', `/visits/${visit}`))['status']).toBe('findingsRegistered');
  });

  it('exports the ledger as XLSX with Chinese headers and Shanghai dates', async () => {
    const res = await t.download(`/ledgers/visits/${visit}/export?format=xlsx`, 'leader-prov');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ledger-visit-.+\.xlsx"; filename\*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^.+整改台账（.+，截至\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(String(sheet.getCell(1, 1).value)).not.toContain('hosp-'); // the unit's name, not its id
    expect(values(2)).toEqual(LEDGER_HEADERS);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    expect(sheet.getCell(3, 3).value).toBeInstanceOf(Date);
    expect(values(3)).toEqual(expect.arrayContaining(['1', '外科病房医生收受患者红包', '收受红包', '2025-06-23', '否']));
    expect(values(5)).toEqual(
      expect.arrayContaining(['3', '门诊推诿患者', '开展服务礼仪培训', '李护士长', '2025-03-24', '是', '2025-04-16']),
    );
    expect(values(6)[0]).toBe('合计');
    expect(values(6)).toContain('2/3');
  });

  it('exports the institution ledger as CSV with a UTF-8 BOM', async () => {
    const res = await t.download('/ledgers/institutions/hosp-a1-1/export?format=csv', 'hospital-a1-1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(LEDGER_HEADERS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('门诊推诿患者');
    expect(lines[3]).toContain(',是,2025-04-16');
  });

  it('exports the same ledger as of now from the log (late sign-off, ladder, extension, reopened round) as today', async () => {
    const today = (await t.download('/ledgers/institutions/hosp-a1-1/export?format=csv', 'leader-prov').expect(200)).body as Buffer;
    const now = encodeURIComponent(t.clock.now().toISOString());
    const asOf = await t.download(`/audit/ledgers/hosp-a1-1/export?format=csv&asOf=${now}`, 'leader-prov').expect(200);
    const text = today.toString('utf8');
    expect(text).toContain('逾期完成');
    expect(text).toContain('第2轮整改');
    expect((asOf.body as Buffer).toString('utf8')).toBe(text);
  });

  it("shows one finding's full history with actors and times", async () => {
    const history = await s.get('leader-prov', `/findings/${f3}/history`);
    const entries = history['entries'] as {
      type: string;
      actor: { id: string; role: string };
      data: Row;
      occurredAt: string;
      recordedAt: string;
    }[];
    expect(entries.filter((e) => e.type === 'FindingEscalated').map((e) => [e.data['rung'], e.data['dueAt'], e.actor.role])).toEqual([
      ['reminder-letter', '2025-03-31T15:59:59.999Z', 'system'],
      ['rectification-notice', '2025-04-15T15:59:59.999Z', 'system'],
      ['summons', '2025-04-22T15:59:59.999Z', 'system'],
    ]);
    const who = (type: string) => entries.find((e) => e.type === type)!.actor.id;
    expect([
      who('FindingOpened'),
      who('RectificationNoticeIssued'),
      who('RectificationPlanSubmitted'),
      who('ExtensionApproved'),
      who('FindingSignedOff'),
    ]).toEqual(['inspector-a1', 'inspector-a1', 'hospital-a1-1', 'inspector-a1', 'inspector-a1']);
    expect(entries.every((e) => typeof e.occurredAt === 'string' && typeof e.recordedAt === 'string')).toBe(true);
  });
});
