import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { Steps, steps } from '../inspection/inspection-steps';
import { launchCampaign } from './campaign-steps';

type Body = Record<string, unknown>;

/**
 * Issue 22, item 1: a campaign as a case. Launched by the city over its general and TCM hospitals;
 * an inspection and a self-inspection filed under it, each with a finding; closing refused while
 * they are open; signed off; closed; the 通报 table read back from its XLSX.
 */
describe('a campaign from launch to its 通报 (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let campaign: string;
  let visitFinding: string;
  let selfFinding: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
  });
  afterAll(() => t.close());

  it('launches over the institutions the directory attributes select, phases placed on the clock’s day', async () => {
    campaign = await launchCampaign(t, 'inspector-city-a');
    const detail = await s.get('leader-city-a', `/campaigns/${campaign}`);
    expect(detail).toMatchObject({
      issuingUnitId: 'city-a',
      issuingUnitName: '甲市卫生健康委员会',
      status: 'launched',
      institutionCount: 2,
      institutions: [
        { institutionId: 'hosp-a1-1', name: '甲市第一人民医院' },
        { institutionId: 'hosp-a1-2', name: '东城区中医医院' },
      ],
      currentPhase: 0,
      today: '2025-03-03',
      startsOn: '2025-03-01',
      endsOn: '2025-07-15',
    });
    const phases = detail['phases'] as Body[];
    expect(phases.map((p) => p['status'])).toEqual(['current', 'upcoming', 'upcoming']);
    expect((phases[1]!['reports'] as Body[])[0]).toMatchObject({
      recurrence: 'monthly',
      dueDays: ['2025-04-30', '2025-05-31', '2025-06-30'],
    });
    const list = await s.get('hospital-a1-2', '/campaigns');
    expect((list['items'] as Body[]).map((c) => c['campaignId'])).toEqual([campaign]);
  });

  it('files a visit and a self-inspection under it; refuses an institution outside its scope and an unknown id', async () => {
    const visit = await s.visit({ institutionId: 'hosp-a1-1', kind: 'special', campaignId: campaign });
    visitFinding = await s.finding(visit, { category: 'red-envelopes' });
    const planned = await s.post(
      'hospital-a1-2',
      '/visits',
      { kind: 'self', institutionId: 'hosp-a1-2', plannedDate: '2025-03-03', campaignId: campaign },
      201,
    );
    const self = String(planned['id']);
    await s.post('hospital-a1-2', `/visits/${self}/record`, { conductedOn: '2025-03-03', summary: '科室自查' });
    selfFinding = await s.finding(self, { category: 'service-attitude', description: '门诊推诿患者' }, 'hospital-a1-2');
    expect((await s.get('inspector-a1', `/findings/${selfFinding}`))['finding']).toMatchObject({ visitKind: 'self', campaignId: campaign });
    await expectNothingWritten(t, async () => {
      const outside = await t.http
        .post('/visits')
        .set(t.auth('inspector-city-a'))
        .send({ kind: 'special', institutionId: 'hosp-a2-1', plannedDate: '2025-03-04', campaignId: campaign });
      expect(outside.status).toBe(400);
      expect(outside.body).toMatchObject({ code: 'CAMPAIGN.INSTITUTION_NOT_IN_SCOPE', fields: [{ field: 'institutionId' }] });
      const unknown = await t.http
        .post('/visits')
        .set(t.auth('inspector-a1'))
        .send({ kind: 'special', institutionId: 'hosp-a1-1', plannedDate: '2025-03-04', campaignId: 'no-such-campaign' });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'CAMPAIGN.UNKNOWN_CAMPAIGN', fields: [{ field: 'campaignId' }] });
    });
  });

  it('draws within the campaign only among the institutions it scopes', async () => {
    const draw = await s.post(
      'inspector-city-a',
      '/draws',
      { jurisdiction: 'city-a', count: 2, inspectorsPerVisit: 1, plannedDate: '2025-03-20', campaignId: campaign },
      201,
    );
    const inputs = draw['inputs'] as { institutions: { id: string }[] };
    expect(inputs.institutions.map((i) => i.id)).toEqual(['hosp-a1-1', 'hosp-a1-2']);
  });

  it('shows its ledger and progress by phase × unit', async () => {
    const ledger = await s.get('leader-city-a', `/campaigns/${campaign}/ledger`);
    expect((ledger['rows'] as Body[]).map((r) => r['findingId'])).toEqual([visitFinding, selfFinding]);
    expect(ledger['summary']).toMatchObject({ total: 2, open: 2, closed: false });
    const progress = await s.get('inspector-a1', `/campaigns/${campaign}/progress`);
    expect(progress).toMatchObject({ currentPhase: 0, reportsTracked: true });
    const [h1, h2] = progress['units'] as { institutionId: string; phases: Body[] }[];
    expect(h1).toMatchObject({
      institutionId: 'hosp-a1-1',
      phases: [{ visitsDone: 1, findings: 1, open: 1, reportsDue: 0, reportsReceived: 0 }, {}, {}],
    });
    expect(h2!.phases[0]).toMatchObject({ selfInspections: 1, visitsDone: 0, findings: 1 });
    // The hospital sees its own row only.
    const own = await s.get('hospital-a1-1', `/campaigns/${campaign}/progress`);
    expect((own['units'] as Body[]).map((u) => u['institutionId'])).toEqual(['hosp-a1-1']);
  });

  it('refuses to close with open rows (409 naming how many), and a district inspector may not close the city’s', async () => {
    await expectNothingWritten(t, async () => {
      const refused = await t.http.post(`/campaigns/${campaign}/close`).set(t.auth('inspector-city-a')).send({});
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'CAMPAIGN.OPEN_ROWS', details: { openRows: 2 } });
      expect(refused.body.message).toContain('2 项');
      const district = await t.http.post(`/campaigns/${campaign}/close`).set(t.auth('inspector-a1')).send({});
      expect(district.status).toBe(403);
    });
  });

  it('closes once every row is signed off; a closed campaign takes no more visits', async () => {
    for (const [finding, hospital] of [
      [visitFinding, 'hospital-a1-1'],
      [selfFinding, 'hospital-a1-2'],
    ] as const) {
      await s.rectify(finding!, hospital);
      await s.post('inspector-a1', `/findings/${finding}/sign-off`, { comment: '同意销号' });
    }
    const closed = await s.post('inspector-city-a', `/campaigns/${campaign}/close`, {});
    expect(closed['events']).toEqual(['CampaignClosed']);
    expect(await s.get('hospital-a1-1', `/campaigns/${campaign}`)).toMatchObject({ status: 'closed', carriedOver: [] });
    const late = await t.http
      .post('/visits')
      .set(t.auth('inspector-a1'))
      .send({ ...{ kind: 'special', institutionId: 'hosp-a1-1', plannedDate: '2025-03-05' }, campaignId: campaign });
    expect(late.body).toMatchObject({ statusCode: 409, code: 'CAMPAIGN.CLOSED' });
  });

  it('sums it up, and exports the 通报 table that reads back the same', async () => {
    const summary = await s.get('leader-city-a', `/campaigns/${campaign}/summary`);
    expect(summary).toMatchObject({
      status: 'closed',
      carriedOver: 0,
      totals: { findings: 2, signedOff: 2, open: 0, onTime: 2, rectificationRate: 1, onTimeRate: 1, visitsDone: 1, selfInspections: 1 },
    });
    expect((summary['byCategory'] as Body[]).map((c) => [c['category'], c['findings']])).toEqual([
      ['red-envelopes', 1],
      ['service-attitude', 1],
    ]);
    const res = await t.download(`/campaigns/${campaign}/summary/export`, 'leader-city-a').expect(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const byCategory = workbook.getWorksheet('按问题类别')!;
    expect(String(byCategory.getCell(1, 1).value)).toBe('2025年医德医风专项行动情况通报表（截至2025年3月3日）');
    expect((byCategory.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['序号', '问题类别', '问题数', '已销号']);
    expect((byCategory.getRow(4).values as unknown[]).slice(1, 5)).toEqual([1, '收受红包', 1, 1]);
    expect((byCategory.getRow(6).values as unknown[]).slice(1, 4)).toEqual(['合计', '', 2]);
    const byInstitution = workbook.getWorksheet('按机构')!;
    const header = (byInstitution.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['机构名称', '检查次数', '自查次数', '整改率', '按时报送']));
    const row = (byInstitution.getRow(4).values as unknown[]).slice(1);
    expect(row[header.indexOf('机构名称')]).toBe('甲市第一人民医院');
    expect(row[header.indexOf('整改率')]).toBe(1);
    expect(row[header.indexOf('按时报送')]).toBe(0); // no report is due yet on 3 March (the reporting duties: report-duties.e2e.spec.ts)
    expect(row[header.indexOf('按时报送率')]).toBe('—');
  });
});
