import { createTestApp, TestApp } from '../../testing/test-app';
import { AnswerChecks } from './answer-checks';

const LEADER = 'leader-city-a';
const FEBRUARY = {
  kind: 'inspection-results',
  period: { from: '2025-02-01', to: '2025-02-28' },
  title: '2月监督检查结果通报',
  preface: '通报如下。',
};

/**
 * The public notices' real answers (and their refusals) match the OpenAPI document the console's
 * client is generated from: a draft, its revision and publication, a correction, and the public reads.
 */
describe('OpenAPI answers: public notices', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  let notice: string;
  beforeAll(async () => {
    t = await createTestApp();
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  it('describes a draft, its page and list, a revision and the publication', async () => {
    notice = (await checks.send<{ id: string }>('POST', '/public-notices', LEADER, FEBRUARY, 201)).id;
    const draft = await checks.send<{ status: string; published: unknown }>('GET', `/public-notices/${notice}`, LEADER);
    expect(draft).toMatchObject({ status: 'draft', published: null });
    await checks.send('POST', `/public-notices/${notice}/revise`, LEADER, { title: '2025年2月监督检查结果通报' }, 200);
    const preview = await checks.send<{ tables: unknown[]; title: string }>('GET', `/public-notices/${notice}/preview`, LEADER);
    expect(preview).toMatchObject({ title: '2025年2月监督检查结果通报', tables: [expect.anything(), expect.anything()] });
    await checks.send('POST', `/public-notices/${notice}/publish`, LEADER, {}, 200);
    const published = await checks.send<{ published: { tables: unknown[] } }>('GET', `/public-notices/${notice}`, 'leader-prov');
    expect(published.published.tables).toHaveLength(2);
    const list = await checks.send<{ items: unknown[] }>('GET', '/public-notices?status=published&pageSize=5', 'inspector-city-a');
    expect(list.items).toHaveLength(1);
  });

  it('describes the public list and page, a correction and its links', async () => {
    const correction = (
      await checks.send<{ id: string }>('POST', `/public-notices/${notice}/corrections`, LEADER, { preface: '更正。' }, 201)
    ).id;
    await checks.send('POST', `/public-notices/${correction}/publish`, LEADER, {}, 200);
    const page = await checks.send<{ correctedBy: { noticeId: string } }>('GET', `/public/notices/${notice}`, null);
    expect(page.correctedBy.noticeId).toBe(correction);
    const list = await checks.send<{ items: unknown[] }>('GET', '/public/notices?kind=inspection-results', null);
    expect(list.items).toHaveLength(2);
  });

  it('describes the refusals', async () => {
    await checks.send('POST', `/public-notices/${notice}/revise`, LEADER, { title: 'x' }, 409);
    await checks.send('GET', `/public-notices/${notice}/preview`, LEADER, undefined, 409);
    await checks.send('POST', '/public-notices', LEADER, { ...FEBRUARY, period: undefined }, 400);
    await checks.send('GET', `/public-notices/${notice}`, 'inspector-b1', undefined, 403);
    const draft = (await checks.send<{ id: string }>('POST', '/public-notices', LEADER, FEBRUARY, 201)).id;
    await checks.send('GET', `/public/notices/${draft}`, null, undefined, 404);
  });

  it('has checked a JSON answer of every notice route', () => {
    expect(checks.unchecked(['/public-notices', '/public/notices'])).toEqual([]);
  });
});
