import { createTestApp, TestApp } from '../../testing/test-app';
import { uploadEvidence } from '../../testing/evidence-upload';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { Steps, steps } from '../inspection/inspection-steps';
import { launchCampaign } from './campaign-steps';
import { duties, dutyOf, inboxNotes, reportFile, reportTodos, REPORTING_CAMPAIGN } from './report-duty-steps';

type Body = Record<string, unknown>;
const WHAT = '“2025年医德医风专项行动”实施方案（2025年3月7日前）';

/**
 * 甲市's campaign asks its two districts' commissions (county-a1, county-a2) for the reports beside
 * one hospital (“报市卫生健康委”, ADR 0024): the district's inspector finds its duty on the to-do
 * list, hands it in, the city's inspector accepts it; a hospital and the city cannot hand it in, a
 * sibling district and another city's county cannot see it, and the matrix shows the districts as rows.
 */
describe('reporting duties owed by lower commissions (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let campaign: string;
  let plan: string;
  let sibling: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    const scope = { institutionIds: ['hosp-a1-1'], commissionUnitIds: ['county-a2', 'county-a1'] };
    campaign = await launchCampaign(t, 'leader-city-a', { ...REPORTING_CAMPAIGN, scope });
    plan = (await dutyOf(t, 'inspector-a1', 'county-a1', '2025-03-07')).dutyId;
    sibling = (await dutyOf(t, 'leader-city-a', 'county-a2', '2025-03-07')).dutyId;
  });
  afterAll(() => t.close());

  it('records the named commissions in the scope and assigns them every report instance, marked as a commission’s', async () => {
    const view = await s.get('leader-city-a', `/campaigns/${campaign}`);
    expect((view['scope'] as Body)['commissionUnitIds']).toEqual(['county-a1', 'county-a2']);
    // 实施方案 and three 月报, for the hospital and each district.
    expect(await duties(t, 'leader-city-a')).toHaveLength(12);
    const own = await duties(t, 'inspector-a1', '&institutionId=county-a1');
    expect(own.map((d) => d.dueOn)).toEqual(['2025-03-07', '2025-03-31', '2025-04-30', '2025-05-31']);
    const detail = await s.get('inspector-a1', `/report-duties/${plan}`);
    expect(detail).toMatchObject({ institutionId: 'county-a1', owingUnitKind: 'commission', issuingUnitId: 'city-a', status: 'assigned' });
    const assigned = await inboxNotes(t.readModels, 'assignment', 8);
    expect(assigned.filter((n) => n.address === 'inspector-a1').map((n) => n.title)).toContain(`报送任务：${WHAT}`);
  });

  it('puts the duty on the district inspector’s to-do list, not on the city’s', async () => {
    const items = await reportTodos(t, 'inspector-a1');
    expect(items.filter((i) => i['kind'] === 'report-duty')).toEqual([
      expect.objectContaining({ caseId: plan, unitId: 'county-a1', title: '报送材料待提交', link: `/cases/report-duties/${plan}` }),
    ]);
    expect((await reportTodos(t, 'inspector-city-a')).filter((i) => i['kind'] === 'report-duty')).toEqual([]);
  });

  it('hides it from a sibling district and another city, and refuses a hospital or the city handing it in', async () => {
    for (const [user, duty] of [
      ['inspector-a1', sibling],
      ['inspector-b1', plan],
      ['hospital-a1-1', plan],
    ] as const) {
      const res = await t.http.get(`/report-duties/${duty}`).set(t.auth(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
    expect((await duties(t, 'inspector-a1')).some((d) => d.institutionId === 'county-a2')).toBe(false);
    expect(await duties(t, 'inspector-b1')).toEqual([]);
    await expectNothingWritten(t, async () => {
      await uploadEvidence(t, 'hospital-a1-1', `/report-duties/${plan}/evidence`, { status: 403 });
      const cases: [string, number, string][] = [
        ['hospital-a1-1', 403, 'AUTH.OUT_OF_SCOPE'],
        ['inspector-city-a', 403, 'AUTH.OUT_OF_SCOPE'],
        ['admin', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ];
      for (const [user, status, code] of cases) {
        const res = await t.http.post(`/report-duties/${plan}/submit`).set(t.auth(user)).send({ text: '报送' });
        expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status, code });
      }
    });
  });

  it('takes the district’s report from its inspector; the city’s inspector accepts it, the district cannot', async () => {
    const file = await reportFile(t, 'inspector-a1', plan);
    await s.post('inspector-a1', `/report-duties/${plan}/submit`, { text: '东城区实施方案已印发', evidence: [file] });
    const review = (await reportTodos(t, 'inspector-city-a')).filter((i) => i['kind'] === 'report-duty-review');
    expect(review.map((i) => i['caseId'])).toEqual([plan]);
    const submitted = await inboxNotes(t.readModels, 'request', 1);
    expect(submitted.map((n) => n.body)).toContain(`下级卫生健康行政部门已报送${WHAT}，请审核。`);
    await expectNothingWritten(t, async () => {
      const own = await t.http.post(`/report-duties/${plan}/accept`).set(t.auth('inspector-a1')).send({});
      expect(own.body).toMatchObject({ statusCode: 403, code: 'AUTH.OUT_OF_SCOPE' });
    });
    await s.post('inspector-city-a', `/report-duties/${plan}/accept`, { comment: '收悉' });
    expect(await s.get('inspector-a1', `/report-duties/${plan}`)).toMatchObject({ status: 'accepted' });
    expect((await reportTodos(t, 'inspector-a1')).some((i) => i['caseId'] === plan)).toBe(false);
    expect((await inboxNotes(t.readModels, 'approval', 1)).map((n) => n.address)).toEqual(['inspector-a1']);
  });

  it('shows the districts as rows of the report matrix, each reader the units it covers', async () => {
    const matrix = async (user: string) => {
      const body = await s.get(user, `/campaigns/${campaign}/reports`);
      return body as { units: { institutionId: string; name: string; cells: ({ status: string } | null)[] }[] };
    };
    const city = await matrix('leader-city-a');
    expect(city.units.map((u) => [u.institutionId, u.name])).toEqual([
      ['hosp-a1-1', '甲市第一人民医院'],
      ['county-a1', '甲市东城区卫生健康局'],
      ['county-a2', '甲市西城区卫生健康局'],
    ]);
    expect(city.units[1]!.cells[0]).toMatchObject({ status: 'accepted' });
    expect((await matrix('inspector-a1')).units.map((u) => u.institutionId)).toEqual(['hosp-a1-1', 'county-a1']);
  });

  it('refuses a named unit that is not a commission below the issuing unit, naming the field', async () => {
    const cases: [string, string][] = [
      ['hosp-a1-2', 'CAMPAIGN.COMMISSION_UNIT_INVALID'],
      ['city-a', 'CAMPAIGN.COMMISSION_UNIT_INVALID'],
      ['county-b1', 'CAMPAIGN.COMMISSION_UNIT_INVALID'],
      ['no-such-unit', 'AUTH.UNKNOWN_UNIT'],
    ];
    await expectNothingWritten(t, async () => {
      for (const [unit, code] of cases) {
        const body = { ...REPORTING_CAMPAIGN, scope: { commissionUnitIds: [unit] } };
        const res = await t.http.post('/campaigns').set(t.auth('leader-city-a')).send(body);
        const fields = ((res.body.fields ?? []) as { field: string }[]).map((f) => f.field);
        expect({ unit, status: res.status, code: res.body.code, fields }).toEqual({
          unit,
          status: 400,
          code,
          fields: ['scope.commissionUnitIds[0]'],
        });
      }
    });
  });
});
