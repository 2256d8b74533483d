import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';
import { detail, HOSPITAL, INSPECTOR, publicStatus, submitPublic, toDecided } from '../complaints/complaints-e2e.helpers';

type Named = Record<string, unknown> & { names?: Record<string, string> };
type Entry = { type: string; summary?: string };

/** Every id `names` carries must already be a value in the rest of the body (the rule: no new people or units). */
function expectNamesFromBody(body: Named): void {
  const { names, ...rest } = body;
  const text = JSON.stringify(rest);
  for (const id of Object.keys(names ?? {})) expect(text).toContain(JSON.stringify(id));
}

/**
 * Names in every view (issue 16, item 4) and summaries in every history (issue 17, item 3): the
 * finding and complaint histories carry the audit registry's summaries and fold the same way.
 */
describe('names in views, summaries in histories (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let findingId: string;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    findingId = await s.finding(await s.visit());
    await s.post('inspector-a1', `/findings/${findingId}/notice`, { noticeNo: '整改〔2025〕1号' });
    await t.settle();
  });
  afterAll(() => t.close());

  it('a finding read names its institution and its inspector, and only ids the answer already holds', async () => {
    const body: Named = await s.get('hospital-a1-1', `/findings/${findingId}`);
    expect(body.names?.['hosp-a1-1']).toBe('甲市第一人民医院');
    expect(body.names?.['inspector-a1']).toBe('赵监督员');
    expect(body.names?.['leader-city-a']).toBeUndefined();
    expectNamesFromBody(body);
  });

  it('a paged list carries names beside its items', async () => {
    const page: Named = await s.get('inspector-a1', '/findings?institutionId=hosp-a1-1');
    expect(Array.isArray(page['items'])).toBe(true);
    expect(page.names?.['hosp-a1-1']).toBe('甲市第一人民医院');
    expectNamesFromBody(page);
  });

  it('public routes gain no names, with or without a token', async () => {
    const anonymous = await t.http.get('/public/institutions/hosp-a1-1/credit').expect(200);
    expect(JSON.stringify(anonymous.body)).toContain('hosp-a1-1');
    expect(anonymous.body.names).toBeUndefined();
    const signedIn = await t.http.get('/public/institutions/hosp-a1-1/credit').set(t.auth('inspector-a1')).expect(200);
    expect(signedIn.body.names).toBeUndefined();
    const submitted = await submitPublic(t);
    await toDecided(t, submitted.ticketId);
    expect((await publicStatus(t, submitted))['names']).toBeUndefined();
  });

  it('the finding history gives each entry its Chinese summary; only leaders and admins unfold it', async () => {
    const history = (await s.get('inspector-a1', `/findings/${findingId}/history`)) as { entries: Entry[] };
    expect(history.entries.map((e) => e.type)).toEqual(expect.arrayContaining(['FindingOpened', 'RectificationNoticeIssued']));
    for (const e of history.entries) expect(e.summary).toEqual(expect.any(String));
    expect(history.entries.map((e) => e.summary).join('\n')).toContain('赵监督员');
    const refused = await t.http.get(`/findings/${findingId}/history?all=true`).set(t.auth('inspector-a1'));
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    const all = (await s.get('leader-city-a', `/findings/${findingId}/history?all=true`)) as { entries: Entry[] };
    expect(all.entries.length).toBeGreaterThanOrEqual(history.entries.length);
    const bad = await t.http.get(`/findings/${findingId}/history?all=yes`).set(t.auth('leader-city-a'));
    expect(bad.status).toBe(400);
  });

  it('the complaint detail history gives each entry its summary, naming the unit; ?all=true is for leaders and admins', async () => {
    const submitted = await submitPublic(t);
    await toDecided(t, submitted.ticketId);
    const d = (await detail(t, INSPECTOR, submitted.ticketId)) as Named & { history: Entry[] };
    expect(d.history.length).toBeGreaterThan(0);
    for (const e of d.history) expect(e.summary).toEqual(expect.any(String));
    expect(d.history.map((e) => e.summary).join('\n')).toContain('甲市第一人民医院');
    expect(d.names?.['hosp-a1-1']).toBe('甲市第一人民医院');
    expectNamesFromBody(d);
    const refused = await t.http.get(`/complaints/${submitted.ticketId}?all=true`).set(t.auth(HOSPITAL));
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    await t.http.get(`/complaints/${submitted.ticketId}?all=true`).set(t.auth('leader-city-a')).expect(200);
  });
});
