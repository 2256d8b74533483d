import { onePixelPng } from '../../testing/evidence-upload';
import { createTestApp, TestApp } from '../../testing/test-app';
import { launchCampaign } from '../campaigns/campaign-steps';
import { REPORTING_CAMPAIGN } from '../campaigns/report-duty-steps';
import { AnswerChecks } from './answer-checks';

const HOSPITAL = 'hospital-a1-1';
const ISSUER = 'inspector-city-a';

/**
 * The reporting duties' routes (报送任务) answer as the OpenAPI document the console's client is
 * generated from says, down to every field: a list, a duty with a submission, files and reviews,
 * the campaign's unit × report matrix, uploads, hand-ins, reviews and their refusals.
 */
describe('OpenAPI answers: reporting duties', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  let campaign: string;
  let plan: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-05T01:00:00.000Z' });
    checks = new AnswerChecks(t);
    campaign = await launchCampaign(t, ISSUER, REPORTING_CAMPAIGN);
  });
  afterAll(() => t.close());

  it('describes the list and a duty owed', async () => {
    const list = await checks.send<{ items: { dutyId: string; dueOn: string }[] }>(
      'GET',
      `/report-duties?campaignId=${campaign}&pageSize=3`,
      HOSPITAL,
    );
    expect(list.items).toHaveLength(3);
    plan = list.items.find((d) => d.dueOn === '2025-03-07')!.dutyId;
    await checks.send('GET', `/report-duties?overdue=false&status=assigned&kind=implementation-plan`, ISSUER);
    const owed = await checks.send<{ deadline: unknown }>('GET', `/report-duties/${plan}`, HOSPITAL);
    expect(owed.deadline).not.toBeNull();
  });

  it('describes an upload, a hand-in, a return and an acceptance, and the duty with all of them', async () => {
    const upload = await t.http
      .post(`/report-duties/${plan}/evidence`)
      .set(t.auth(HOSPITAL))
      .field('note', '盖章扫描件')
      .attach('file', onePixelPng(0x33), { filename: '实施方案.png', contentType: 'image/png' });
    const digest = checks.hold<{ file: { digest: string } }>('POST', `/report-duties/${plan}/evidence`, upload, 201).file.digest;
    await checks.send('POST', `/report-duties/${plan}/submit`, HOSPITAL, { text: '实施方案', evidence: [digest] }, 200);
    await checks.send('POST', `/report-duties/${plan}/return`, ISSUER, { reason: '请补充责任科室' }, 200);
    await checks.send('POST', `/report-duties/${plan}/submit`, HOSPITAL, { text: '实施方案（修订稿）', evidence: [digest] }, 200);
    await checks.send('POST', `/report-duties/${plan}/accept`, ISSUER, { comment: '通过' }, 200);
    const done = await checks.send<{ submissions: unknown[]; reviews: unknown[]; files: unknown[] }>(
      'GET',
      `/report-duties/${plan}`,
      ISSUER,
    );
    expect([done.submissions.length, done.reviews.length, done.files.length]).toEqual([2, 2, 1]);
  });

  it('describes the campaign’s unit × report matrix', async () => {
    const matrix = await checks.send<{ units: { cells: unknown[] }[] }>('GET', `/campaigns/${campaign}/reports`, 'leader-city-a');
    expect(matrix.units).toHaveLength(2);
    expect(matrix.units[0]!.cells).toHaveLength(4);
  });

  it('describes a duty a lower commission owes, its hand-in by the county and a county’s refused review (ADR 0024)', async () => {
    const scope = { institutionIds: ['hosp-a1-1'], commissionUnitIds: ['county-a1'] };
    const county = await launchCampaign(t, ISSUER, { ...REPORTING_CAMPAIGN, title: '区县报送专项行动', scope });
    const owed = await checks.send<{ items: { dutyId: string; dueOn: string }[] }>(
      'GET',
      `/report-duties?campaignId=${county}&institutionId=county-a1`,
      'inspector-a1',
    );
    const duty = owed.items.find((d) => d.dueOn === '2025-03-07')!.dutyId;
    const viewed = await checks.send<{ owingUnitKind: string }>('GET', `/report-duties/${duty}`, 'inspector-a1');
    expect(viewed.owingUnitKind).toBe('commission');
    await checks.send('POST', `/report-duties/${duty}/submit`, 'inspector-a1', { text: '东城区实施方案' }, 200);
    await checks.send('POST', `/report-duties/${duty}/accept`, 'inspector-a1', {}, 403);
    const view = await checks.send<{ scope: { commissionUnitIds: string[] } }>('GET', `/campaigns/${county}`, 'inspector-a1');
    expect(view.scope.commissionUnitIds).toEqual(['county-a1']);
  });

  it('describes the refusals', async () => {
    await checks.send('GET', `/report-duties/${plan}`, 'hospital-a1-2', undefined, 403);
    await checks.send('GET', '/report-duties/no-such-duty', ISSUER, undefined, 404);
    await checks.send('GET', '/report-duties?status=late', ISSUER, undefined, 400);
    await checks.send('POST', `/report-duties/${plan}/submit`, HOSPITAL, { text: '' }, 400);
    await checks.send('POST', `/report-duties/${plan}/accept`, ISSUER, {}, 409);
    const april = (await checks.send<{ items: { dutyId: string }[] }>('GET', '/report-duties?kind=monthly-report&pageSize=1', HOSPITAL))
      .items[0]!;
    await checks.send('POST', `/report-duties/${april.dutyId}/submit`, HOSPITAL, { text: '月报' }, 409);
  });

  it('has checked a JSON answer of every reporting duty route', () => {
    expect(checks.unchecked(['/report-duties', `/campaigns/{campaignId}/reports`])).toEqual([]);
  });
});
