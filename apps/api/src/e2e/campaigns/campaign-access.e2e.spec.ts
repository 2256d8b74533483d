import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { Steps, steps } from '../inspection/inspection-steps';
import { CITY_CAMPAIGN, launchCampaign } from './campaign-steps';

type Body = Record<string, unknown>;

/**
 * Who launches, reads, amends and closes a campaign, and what bad input gets: inspectors and leaders
 * issue within their jurisdiction; the commission reads what it issued or what scopes its
 * institutions, hospitals what scopes them; every refusal is a 4xx naming the field and writes nothing.
 */
describe('campaign access and input (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let city: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    city = await launchCampaign(t, 'leader-city-a', { ...CITY_CAMPAIGN, scope: { institutionIds: ['hosp-a1-1', 'hosp-a2-1'] } });
  });
  afterAll(() => t.close());

  const launch = (user: string, change: object) =>
    t.http
      .post('/campaigns')
      .set(t.auth(user))
      .send({ ...CITY_CAMPAIGN, ...change });

  it('lets a district inspector launch for the district but not for the city; hospitals and admins launch nothing', async () => {
    await expectNothingWritten(t, async () => {
      expect((await launch('inspector-a1', { issuingUnitId: 'city-a' })).body).toMatchObject({
        statusCode: 403,
        code: 'AUTH.OUT_OF_SCOPE',
      });
      expect((await launch('inspector-b1', { issuingUnitId: 'county-a1' })).status).toBe(403);
      expect((await launch('hospital-a1-1', {})).status).toBe(403);
      expect((await launch('admin', {})).status).toBe(403);
    });
    const district = await launchCampaign(t, 'inspector-a1');
    expect(await s.get('inspector-a1', `/campaigns/${district}`)).toMatchObject({ issuingUnitId: 'county-a1', institutionCount: 2 });
  });

  it('shows the campaign to those it concerns, each the part of its scope they cover', async () => {
    const institutions = async (user: string) =>
      ((await s.get(user, `/campaigns/${city}`))['institutions'] as Body[]).map((i) => i['institutionId']);
    expect(await institutions('leader-city-a')).toEqual(['hosp-a1-1', 'hosp-a2-1']);
    expect(await institutions('inspector-a1')).toEqual(['hosp-a1-1']);
    expect(await institutions('hospital-a1-1')).toEqual(['hosp-a1-1']);
    expect(await institutions('leader-prov')).toEqual(['hosp-a1-1', 'hosp-a2-1']);
    for (const user of ['hospital-a1-2', 'hospital-b1-1', 'inspector-b1', 'partner-discipline']) {
      const res = await t.http.get(`/campaigns/${city}`).set(t.auth(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
    for (const path of ['ledger', 'progress', 'summary', 'summary/export']) {
      expect((await t.http.get(`/campaigns/${city}/${path}`).set(t.auth('hospital-a1-2'))).status).toBe(403);
    }
    expect((await t.http.get('/campaigns/no-such-campaign').set(t.auth('leader-prov'))).body).toMatchObject({ code: 'CAMPAIGN.NOT_FOUND' });
    const listed = async (user: string) => ((await s.get(user, '/campaigns'))['items'] as Body[]).map((c) => c['campaignId']);
    expect(await listed('hospital-a1-2')).not.toContain(city);
    expect(await listed('inspector-b1')).toEqual([]);
    expect(await listed('hospital-a1-1')).toContain(city);
  });

  it('refuses bad input with a 4xx naming the field and rule, writing nothing', async () => {
    const cases: [object, number, string, string][] = [
      [{ title: '' }, 400, 'VALIDATION', 'title'],
      [{ year: 'soon' }, 400, 'VALIDATION', 'year'],
      [{ scope: 'all' }, 400, 'VALIDATION', 'scope'],
      [{ scope: { ownerships: ['state'] } }, 400, 'VALIDATION', 'scope.ownerships[0]'],
      [{ phases: [] }, 400, 'VALIDATION', 'phases'],
      [{ phases: [{ name: '阶段', from: '2025-3-1', to: '2025-03-31' }] }, 400, 'VALIDATION', 'phases[0].from'],
      [{ phases: [{ ...CITY_CAMPAIGN.phases[0], reports: [{ kind: 'minutes' }] }] }, 400, 'VALIDATION', 'phases[0].reports[0].kind'],
      [
        { phases: [CITY_CAMPAIGN.phases[0], { name: '整治', from: '2025-03-20', to: '2025-04-30' }] },
        400,
        'CAMPAIGN.PHASES_OVERLAP',
        'phases[1].from',
      ],
      [{ phases: [{ name: '全年', from: '2025-02-30', to: '2025-03-31' }] }, 400, 'CAMPAIGN.DATE_INVALID', 'phases[0].from'],
      [{ phases: [{ name: '跨年', from: '2025-12-01', to: '2026-01-31' }] }, 400, 'CAMPAIGN.PHASE_OUTSIDE_YEAR', 'phases[0].to'],
      [
        { phases: [{ ...CITY_CAMPAIGN.phases[0], reports: [{ kind: 'final-report' }] }] },
        400,
        'CAMPAIGN.REPORT_SCHEDULE_INVALID',
        'phases[0].reports[0]',
      ],
      [{ issuingUnitId: 'hosp-a1-1' }, 400, 'CAMPAIGN.ISSUING_UNIT_INVALID', 'issuingUnitId'],
      [{ issuingUnitId: 'nowhere' }, 400, 'AUTH.UNKNOWN_UNIT', 'issuingUnitId'],
      [{ scope: { institutionIds: ['hosp-b1-1'] } }, 400, 'CAMPAIGN.INSTITUTION_OUTSIDE_ISSUER', 'scope.institutionIds[0]'],
      [{ scope: { institutionIds: ['no-such-hospital'] } }, 400, 'AUTH.UNKNOWN_INSTITUTION', 'scope.institutionIds[0]'],
      [{ scope: { ownerships: ['private'] } }, 422, 'CAMPAIGN.SCOPE_EMPTY', 'scope'],
    ];
    await expectNothingWritten(t, async () => {
      for (const [change, status, code, field] of cases) {
        const res = await launch('inspector-city-a', change);
        const fields = ((res.body.fields ?? []) as { field: string }[]).map((f) => f.field);
        expect({ change, status: res.status, code: res.body.code, named: fields.includes(field) }).toEqual({
          change,
          status,
          code,
          named: true,
        });
      }
      const close = await t.http.post(`/campaigns/${city}/close`).set(t.auth('leader-city-a')).send({ carryOver: 'yes' });
      expect(close.status).toBe(400);
      const amend = await t.http.post(`/campaigns/${city}/amend`).set(t.auth('leader-city-a')).send({ title: '新标题' });
      expect(amend.status).toBe(400);
      expect(amend.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason', rule: 'isNotEmpty' })]));
    });
  });

  it('amends while it runs, keeps the institutions its visits name, and carries open rows over when closed with a reason', async () => {
    const visit = await s.visit({ institutionId: 'hosp-a1-1', kind: 'special', campaignId: city });
    const finding = await s.finding(visit);
    await expectNothingWritten(t, async () => {
      const narrower = await t.http
        .post(`/campaigns/${city}/amend`)
        .set(t.auth('leader-city-a'))
        .send({ scope: { institutionIds: ['hosp-a2-1'] }, reason: '调整范围' });
      expect(narrower.body).toMatchObject({ statusCode: 409, code: 'CAMPAIGN.SCOPE_IN_USE', details: { institutionIds: ['hosp-a1-1'] } });
      expect((await t.http.post(`/campaigns/${city}/amend`).set(t.auth('inspector-a1')).send({ title: 'x', reason: 'x' })).status).toBe(
        403,
      );
      const noReason = await t.http.post(`/campaigns/${city}/close`).set(t.auth('leader-city-a')).send({ carryOver: true });
      expect(noReason.body).toMatchObject({ statusCode: 400, code: 'CAMPAIGN.FIELD_REQUIRED', fields: [{ field: 'reason' }] });
    });
    const amended = await s.post('leader-city-a', `/campaigns/${city}/amend`, { title: '医德医风专项整治', reason: '市委补充通知' });
    expect(amended['events']).toEqual(['CampaignAmended']);
    await s.post('leader-city-a', `/campaigns/${city}/close`, { carryOver: true, reason: '转入日常监管台账' });
    expect(await s.get('inspector-a1', `/campaigns/${city}`)).toMatchObject({
      title: '医德医风专项整治',
      status: 'closed',
      amendments: 1,
      closeReason: '转入日常监管台账',
      carriedOver: [{ findingId: finding, institutionId: 'hosp-a1-1' }],
    });
    expect(await s.get('leader-city-a', `/campaigns/${city}/summary`)).toMatchObject({ carriedOver: 1, totals: { findings: 1, open: 1 } });
    const again = await t.http.post(`/campaigns/${city}/amend`).set(t.auth('leader-city-a')).send({ title: 'x', reason: 'x' });
    expect(again.body).toMatchObject({ statusCode: 409, code: 'CAMPAIGN.CLOSED' });
  });
});
