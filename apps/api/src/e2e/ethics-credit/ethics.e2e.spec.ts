import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const H = 'hosp-a1-1';
const Y = 2025;
const hospital = 'hospital-a1-1';

describe('ethics archives and evaluations (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object) => t.http.post(path).set(t.auth(user)).send(body);
  const step = (staffId: string, name: string, body: object) => post(hospital, `/ethics/evaluations/${H}/${Y}/${staffId}/${name}`, body);

  it('opens an archive, adds records by the hospital and by an inspector, and reads it back', async () => {
    await post(hospital, '/ethics/archives', { staffId: 'S1', institutionId: H, departmentId: 'cardiology', name: '医生甲' }).expect(201);
    await post(hospital, '/ethics/archives/S1/records', {
      institutionId: H,
      source: { kind: 'commendation', ref: 'letter-7' },
      summary: '患者表扬信',
      occurredAt: '2025-04-01T02:00:00.000Z',
    }).expect(201);
    await post('inspector-a1', '/ethics/archives/S3/records', {
      institutionId: H,
      source: { kind: 'inspection' },
      summary: '收受药商回扣',
      vetoItem: 'kickbacks',
      occurredAt: '2025-05-01T02:00:00.000Z',
    }).expect(201);
    const s1 = await t.http.get('/ethics/archives/S1').set(t.auth(hospital)).expect(200);
    expect(s1.body).toMatchObject({
      staffId: 'S1',
      institutionId: H,
      implicit: false,
      records: [{ sourceKind: 'commendation', points: 2, year: 2025 }],
    });
    const s3 = await t.http.get('/ethics/archives/S3').set(t.auth('leader-city-a')).expect(200);
    expect(s3.body).toMatchObject({
      implicit: true,
      records: [{ sourceKind: 'inspection', points: -5, vetoItem: 'kickbacks', addedBy: 'inspector-a1' }],
    });
  });

  it('keeps archives within scope: another hospital neither reads nor adds, and nothing is written', async () => {
    expect((await t.http.get('/ethics/archives/S1').set(t.auth('hospital-a1-2'))).status).toBe(403);
    await expectNothingWritten(t, async () => {
      const res = await post('hospital-a1-2', '/ethics/archives/S1/records', {
        institutionId: H,
        source: { kind: 'complaint' },
        summary: 'x',
        occurredAt: '2025-05-01T02:00:00.000Z',
      });
      expect(res.status).toBe(403);
    });
    expect((await t.http.get('/ethics/archives/S1').set(t.auth('inspector-b1'))).status).toBe(403);
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    // A reward record for S1 at H1, with one field made wrong each time.
    const record = (over: object) =>
      post(hospital, '/ethics/archives/S1/records', {
        institutionId: H,
        source: { kind: 'reward' },
        summary: 'x',
        occurredAt: '2025-05-01T02:00:00.000Z',
        ...over,
      });
    await expectNothingWritten(t, async () => {
      const kind = await record({ source: { kind: 'gossip' } });
      expect(kind.status).toBe(400);
      expect(kind.body.fields.map((f: { field: string }) => f.field)).toContain('source.kind');
      const date = await record({ occurredAt: 'last spring' });
      expect(date.status).toBe(400);
      expect(date.body.fields[0].field).toBe('occurredAt');
      const points = await record({ points: 50 });
      expect(points.status).toBe(400);
      expect(points.body.fields[0].field).toBe('points');
      const unknown = await post(hospital, '/ethics/archives', { staffId: 'S9', institutionId: 'county-a1' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0].field).toBe('institutionId');
    });
  });

  it('scores self → department → institution, applies veto items and the 优秀 cap, and finalises the year', async () => {
    // Seven staff: the cap keeps floor(7 × 15%) = 1 优秀.
    const department: Record<string, number> = { S1: 95, S2: 93, S3: 95, S4: 85, S5: 96, S6: 85, S7: 82 };
    for (const [staffId, score] of Object.entries(department)) {
      await post(hospital, '/ethics/evaluations', { institutionId: H, year: Y, staffId }).expect(201);
      await step(staffId, 'self', { summary: '遵守医德规范', selfScore: 90 }).expect(200);
      await step(staffId, 'department', { score }).expect(200);
      await step(staffId, 'institution', staffId === 'S5' ? { vetoItems: ['serious-overcharging'] } : {}).expect(200);
    }
    const s1 = await t.http.get(`/ethics/evaluations/${H}/${Y}/S1`).set(t.auth(hospital)).expect(200);
    expect(s1.body).toMatchObject({ status: 'scored', additions: 2, deductions: 0, finalScore: 97, provisionalGrade: 'excellent' });
    const finalised = await t.http.post(`/ethics/results/${H}/${Y}/finalise`).set(t.auth(hospital)).expect(200);
    const byStaff = Object.fromEntries(
      (finalised.body.results as { staffId: string; grade: string; downgradedByCap: boolean }[]).map((r) => [r.staffId, r]),
    );
    expect(byStaff['S1']).toMatchObject({ grade: 'excellent', downgradedByCap: false });
    expect(byStaff['S2']).toMatchObject({ grade: 'good', downgradedByCap: true });
    expect(byStaff['S3']).toMatchObject({ grade: 'poor' }); // veto from the archive (kickbacks)
    expect(byStaff['S5']).toMatchObject({ grade: 'poor' }); // veto declared at the institution step
    const results = await t.http.get(`/ethics/results/${H}/${Y}`).set(t.auth('inspector-a1')).expect(200);
    const s5 = results.body.evaluations.find((e: { staffId: string }) => e.staffId === 'S5');
    expect(s5).toMatchObject({ status: 'finalised', grade: 'poor', passesPeriodicAssessment: false, vetoItems: ['serious-overcharging'] });
    expect((await t.http.get(`/ethics/results/${H}/${Y}`).set(t.auth('inspector-b1'))).status).toBe(403);
  });

  it('exports the final results as XLSX for the periodic assessment', async () => {
    const res = await t.download(`/ethics/results/${H}/${Y}/export.xlsx`, 'leader-prov').expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(new RegExp(`${Y}年度医德考评结果$`));
    expect(String(sheet.getCell(1, 1).value)).not.toContain(H); // the unit's name, not its id
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号', '姓名', '人员编号', '科室', '年度', '考评得分', '考评等次', '一票否决事项', '因优秀比例限制调整', '定期考核医德结论',
    ]); // prettier-ignore
    const results = sheet.getRows(3, 7)!;
    expect(results.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const s1 = results.find((r) => r.getCell(3).value === 'S1')!;
    expect(s1.getCell(2).value).toBe('医生甲');
    expect(s1.getCell(4).value).toBe('cardiology');
    const s2 = results.find((r) => r.getCell(3).value === 'S2')!;
    expect(s2.getCell(7).value).toBe('良好');
    expect(s2.getCell(9).value).toBe('是'); // 良好 after the 优秀 cap
    expect(s2.getCell(10).value).toBe('合格');
    expect(sheet.getCell(10, 1).value).toBe('合计');
    expect(sheet.getCell(10, 2).value).toBe('共7人');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
  });

  it('lets a hospital evaluate only its own staff (403, nothing written)', async () => {
    await expectNothingWritten(t, async () => {
      const other = await post('hospital-a1-2', '/ethics/evaluations', { institutionId: H, year: Y, staffId: 'S4' });
      expect(other.status).toBe(403);
      const poached = await post('hospital-a1-2', '/ethics/evaluations', { institutionId: 'hosp-a1-2', year: Y, staffId: 'S1' });
      expect(poached.status).toBe(403);
      expect(poached.body).toMatchObject({ code: 'AUTH.STAFF_OF_OTHER_INSTITUTION', fields: [{ field: 'staffId' }] });
      const step2 = await t.http.post(`/ethics/evaluations/${H}/${Y}/S4/self`).set(t.auth('hospital-a1-2')).send({ summary: 'x' });
      expect(step2.status).toBe(403);
      const inspector = await post('inspector-a1', '/ethics/evaluations', { institutionId: H, year: Y, staffId: 'S8' });
      expect(inspector.status).toBe(403);
    });
  });

  it('keeps the steps in order', async () => {
    await post(hospital, '/ethics/evaluations', { institutionId: H, year: 2026, staffId: 'S1' }).expect(201);
    const early = await post(hospital, `/ethics/evaluations/${H}/2026/S1/institution`, {});
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('ETHICS.STEP_OUT_OF_ORDER');
  });
});
