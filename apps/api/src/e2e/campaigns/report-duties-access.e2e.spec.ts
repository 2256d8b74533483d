import { createTestApp, TestApp } from '../../testing/test-app';
import { uploadEvidence } from '../../testing/evidence-upload';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { Steps, steps } from '../inspection/inspection-steps';
import { launchCampaign } from './campaign-steps';
import { duties, dutyOf, reportFile, REPORTING_CAMPAIGN } from './report-duty-steps';

/**
 * Who sees and works which reporting duty, what bad input gets, and what an amendment does: a
 * hospital its own duties only; the commission over the institution reads them, only the issuing
 * office reviews; every refusal is a 4xx naming the field or rule and writes nothing.
 */
describe('reporting duty access, input and amendment (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let campaign: string;
  let plan: string;
  let april: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    campaign = await launchCampaign(t, 'leader-city-a', { ...REPORTING_CAMPAIGN, scope: { institutionIds: ['hosp-a1-1', 'hosp-a2-1'] } });
    plan = (await dutyOf(t, 'hospital-a1-1', 'hosp-a1-1', '2025-03-07')).dutyId;
    april = (await dutyOf(t, 'hospital-a1-1', 'hosp-a1-1', '2025-04-30')).dutyId;
  });
  afterAll(() => t.close());

  it('shows a duty to its hospital and the commission over it, never to another hospital or city', async () => {
    expect((await duties(t, 'hospital-a1-1')).every((d) => d.institutionId === 'hosp-a1-1')).toBe(true);
    expect(await duties(t, 'hospital-a1-2')).toEqual([]);
    expect(await duties(t, 'inspector-b1')).toEqual([]);
    expect((await duties(t, 'inspector-a1')).map((d) => d.institutionId)).toEqual(Array(4).fill('hosp-a1-1'));
    expect(await duties(t, 'leader-city-a')).toHaveLength(8);
    await s.get('inspector-a1', `/report-duties/${plan}`);
    for (const user of ['hospital-a1-2', 'hospital-b1-1', 'inspector-b1', 'partner-discipline']) {
      const res = await t.http.get(`/report-duties/${plan}`).set(t.auth(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
    expect((await t.http.get('/report-duties/no-such-duty').set(t.auth('leader-prov'))).body).toMatchObject({
      statusCode: 404,
      code: 'CAMPAIGN.DUTY_NOT_FOUND',
    });
    expect((await t.http.get(`/campaigns/${campaign}/reports`).set(t.auth('hospital-a1-2'))).status).toBe(403);
  });

  it('lets only its own hospital upload and hand in, and only the issuing office review', async () => {
    await expectNothingWritten(t, async () => {
      await uploadEvidence(t, 'hospital-a1-2', `/report-duties/${plan}/evidence`, { status: 403 });
      await uploadEvidence(t, 'inspector-city-a', `/report-duties/${plan}/evidence`, { status: 403 });
      for (const user of ['hospital-a1-2', 'inspector-city-a', 'admin']) {
        const res = await t.http.post(`/report-duties/${plan}/submit`).set(t.auth(user)).send({ text: '报送' });
        expect({ user, status: res.status }).toEqual({ user, status: 403 });
      }
    });
    await s.post('hospital-a1-1', `/report-duties/${plan}/submit`, { text: '实施方案' });
    await expectNothingWritten(t, async () => {
      // The district covers the hospital but did not issue the campaign: it reads, it does not review.
      const district = await t.http.post(`/report-duties/${plan}/accept`).set(t.auth('inspector-a1')).send({});
      expect(district.body).toMatchObject({ statusCode: 403, code: 'AUTH.OUT_OF_SCOPE' });
      expect((await t.http.post(`/report-duties/${plan}/return`).set(t.auth('hospital-a1-1')).send({ reason: 'x' })).status).toBe(403);
    });
  });

  it('refuses bad input with a 4xx naming the field or rule, writing nothing', async () => {
    const file = '0'.repeat(64);
    const cases: [string, object, number, string, string | null][] = [
      [`/report-duties/${april}/submit`, { text: '' }, 400, 'VALIDATION', 'text'],
      [`/report-duties/${april}/submit`, { text: 'x'.repeat(5001) }, 400, 'VALIDATION', 'text'],
      [`/report-duties/${april}/submit`, { text: '月报', evidence: ['not-a-digest'] }, 400, 'VALIDATION', 'evidence[0]'],
      [`/report-duties/${april}/submit`, { text: '月报', extra: 1 }, 400, 'VALIDATION', 'extra'],
      [`/report-duties/${april}/submit`, { text: '月报' }, 409, 'CAMPAIGN.DUTY_NOT_OPEN', null], // April's opens 1 April
      [`/report-duties/${plan}/submit`, { text: '又一份' }, 409, 'CAMPAIGN.DUTY_ALREADY_SUBMITTED', null],
    ];
    await expectNothingWritten(t, async () => {
      for (const [path, body, status, code, field] of cases) {
        const res = await t.http.post(path).set(t.auth('hospital-a1-1')).send(body);
        const fields = ((res.body.fields ?? []) as { field: string }[]).map((f) => f.field);
        expect({ path, body, status: res.status, code: res.body.code, named: field === null || fields.includes(field) }).toEqual({
          path,
          body,
          status,
          code,
          named: true,
        });
      }
      const returned = await t.http.post(`/report-duties/${plan}/return`).set(t.auth('inspector-city-a')).send({});
      expect(returned.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION',
        fields: expect.arrayContaining([expect.objectContaining({ field: 'reason', rule: 'isNotEmpty' })]),
      });
      const owed = await t.http.post(`/report-duties/${april}/accept`).set(t.auth('inspector-city-a')).send({});
      expect(owed.body).toMatchObject({ statusCode: 409, code: 'CAMPAIGN.DUTY_NOT_SUBMITTED' });
      for (const query of ['status=late', 'overdue=maybe', 'kind=minutes', 'cursor=abc', 'pageSize=0']) {
        expect({ query, status: (await t.http.get(`/report-duties?${query}`).set(t.auth('leader-city-a'))).status }).toEqual({
          query,
          status: 400,
        });
      }
    });
    await t.advanceTo('2025-04-01T01:00:00.000Z');
    await expectNothingWritten(t, async () => {
      const unknown = await t.http
        .post(`/report-duties/${april}/submit`)
        .set(t.auth('hospital-a1-1'))
        .send({ text: '月报', evidence: [file] });
      expect(unknown.body).toMatchObject({ statusCode: 422, code: 'CAMPAIGN.DUTY_EVIDENCE_UNKNOWN', fields: [{ field: 'evidence' }] });
    });
    const digest = await reportFile(t, 'hospital-a1-1', april);
    expect((await s.post('hospital-a1-1', `/report-duties/${april}/submit`, { text: '三月月报', evidence: [digest] }))['events']).toContain(
      'ReportSubmitted',
    );
  });

  it('follows an amendment of the scope: the new institution’s duties assigned, the one left out withdrawn', async () => {
    await s.post('leader-city-a', `/campaigns/${campaign}/amend`, {
      scope: { institutionIds: ['hosp-a1-1', 'hosp-a1-2'] },
      reason: '调整范围',
    });
    await t.settle();
    const all = await duties(t, 'leader-city-a', `&campaignId=${campaign}`);
    const by = (institution: string) => all.filter((d) => d.institutionId === institution).map((d) => d.status);
    expect(by('hosp-a1-2')).toEqual(['assigned', 'assigned', 'assigned', 'assigned']);
    // hosp-a2-1's 实施方案 and March 月报 had passed unanswered; everything it owed is withdrawn.
    expect(by('hosp-a2-1')).toEqual(['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn']);
    expect(by('hosp-a1-1')).toEqual(['submitted', 'assigned', 'submitted', 'assigned']);
  });
});
