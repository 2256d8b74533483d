import { DEFAULT_INSPECTION_POLICY } from '@bihuan/inspection';
import { POLICIES, PolicyRegistry } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';
import { launchCampaign } from '../campaigns/campaign-steps';
import { Steps, steps } from './inspection-steps';

type Row = Record<string, unknown>;

/** The remaining steps and the list endpoints: rejection, denial, withdrawal, immediate sign-off, filters, paging, OpenAPI. */
describe('inspection steps and lists (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;
  let campaign: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    campaign = await launchCampaign(t, 'inspector-a1');
    visit = await s.visit({ campaignId: campaign });
  });
  afterAll(() => t.close());

  it('rejects a sign-off request with reasons, denies an extension, and keeps both on the record', async () => {
    const f = await s.finding(visit);
    await s.rectify(f);
    await s.post('inspector-a1', `/findings/${f}/reject`, { reasons: ['缺少承诺书扫描件'] });
    expect(await s.get('hospital-a1-1', `/findings/${f}`)).toMatchObject({ status: 'inProgress', rectification: { rejections: 1 } });
    const asked = await s.post('hospital-a1-1', `/findings/${f}/extension-request`, { reason: '人手不足', requestedDueAt: '2025-04-30' });
    expect((await s.get('hospital-a1-1', `/findings/${f}`))['ledger']).toMatchObject({
      pendingExtension: { extensionId: asked['extensionId'], requestedDueAt: '2025-04-30T15:59:59.999Z' },
    });
    await s.post('inspector-a1', `/findings/${f}/extension-denial`, { extensionId: asked['extensionId'], reason: '理由不充分' });
    const types = ((await s.get('leader-prov', `/findings/${f}/history`))['entries'] as Row[]).map((e) => e['type']);
    expect(types).toEqual(expect.arrayContaining(['SignOffRejected', 'ExtensionRequested', 'ExtensionDenied']));
    expect((await s.get('hospital-a1-1', `/findings/${f}`))['ledger']).toMatchObject({ pendingExtension: null, extensionsApproved: 0 });
  });

  it('grants the date asked when an approval names neither workingDays nor dueDate', async () => {
    const f = await s.finding(visit, { requiredAction: 'long-term' });
    await s.post('inspector-a1', `/findings/${f}/notice`, {});
    expect(((await s.get('inspector-a1', `/findings/${f}`))['currentDeadline'] as Row)['workingDays']).toBe(60);
    await s.post('hospital-a1-1', `/findings/${f}/plan`, { measures: '建立长效机制' });
    const asked = await s.post('hospital-a1-1', `/findings/${f}/extension-request`, {
      reason: '制度修订需院务会',
      requestedDueAt: '2025-06-20',
    });
    await s.post('inspector-a1', `/findings/${f}/extension-approval`, { extensionId: asked['extensionId'] });
    expect((await s.get('inspector-a1', `/findings/${f}`))['currentDeadline']).toMatchObject({
      deadlineId: 'rectify',
      dueAt: '2025-06-20T15:59:59.999Z',
    });
  });

  it('signs off an immediate (立行立改) finding on the spot, with a 1-working-day notice deadline', async () => {
    const f = await s.finding(visit, { requiredAction: 'immediate', category: 'environment-signage', severity: 'minor' });
    await s.post('inspector-a1', `/findings/${f}/notice`, {});
    expect((await s.get('inspector-a1', `/findings/${f}`))['currentDeadline']).toMatchObject({
      dueAt: '2025-03-04T15:59:59.999Z',
      workingDays: 1,
    });
    await s.post('inspector-a1', `/findings/${f}/sign-off`, { comment: '现场整改完毕' });
    expect(await s.get('inspector-a1', `/findings/${f}`)).toMatchObject({ status: 'signedOff' });
  });

  it('withdraws a finding opened in error; a visit whose rows are all settled closes', async () => {
    const v = await s.visit({ institutionId: 'hosp-a1-2' });
    const f = await s.finding(v);
    await s.post('inspector-a1', `/findings/${f}/withdraw`, { reason: '误报' });
    const ledger = await s.get('leader-prov', `/ledgers/visits/${v}`);
    expect(ledger['summary']).toMatchObject({ total: 0, withdrawn: 1, closed: true });
    expect((ledger['rows'] as Row[])[0]).toMatchObject({ status: 'withdrawn', withdrawnReason: '误报' });
  });

  it('cancels a planned visit', async () => {
    const planned = await s.post(
      'inspector-city-a',
      '/visits',
      { kind: 'random', institutionId: 'hosp-a2-1', plannedDate: '2025-03-12' },
      201,
    );
    await s.post('inspector-city-a', `/visits/${String(planned['id'])}/cancel`, { reason: '抽查名单调整' });
    expect(await s.get('leader-city-a', `/visits/${String(planned['id'])}`)).toMatchObject({
      status: 'cancelled',
      cancelledReason: '抽查名单调整',
    });
  });

  it('lists findings with filters, a keyset page at a time (序号 counting on across pages, no total)', async () => {
    const first = await s.get('leader-prov', '/findings?pageSize=2');
    expect(first).not.toHaveProperty('total');
    expect((first['items'] as Row[]).map((r) => r['seq'])).toEqual([1, 2]);
    expect(first['nextCursor']).toEqual(expect.any(String));
    const second = await s.get('leader-prov', `/findings?pageSize=2&cursor=${String(first['nextCursor'])}`);
    expect((second['items'] as Row[]).map((r) => r['seq'])).toEqual([3, 4]);
    expect(second['nextCursor']).toBeNull();
    const ids = [...(first['items'] as Row[]), ...(second['items'] as Row[])].map((r) => r['findingId']);
    expect(new Set(ids).size).toBe(4);
    const count = async (query: string): Promise<number> => ((await s.get('leader-prov', `/findings?${query}`))['items'] as Row[]).length;
    expect(await count('status=withdrawn')).toBe(1);
    expect(await count('category=environment-signage')).toBe(1);
    expect(await count(`visitId=${visit}&campaignId=${campaign}`)).toBe(3);
    expect(await count('from=2025-03-03&to=2025-03-03')).toBe(4);
    expect(await count('from=2025-03-04')).toBe(0);
    expect(await count('overdue=false')).toBe(4);
    const bad = await t.http.get('/findings?overdue=maybe&pageSize=500&cursor=page-2').set(t.auth('leader-prov'));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['cursor', 'overdue', 'pageSize']);
  });

  it('sorts the ledger on the server by due date, soonest first and rows without one last, across pages', async () => {
    const walk = async (sort: string): Promise<Row[]> => {
      const rows: Row[] = [];
      for (let cursor: unknown = undefined, n = 0; n === 0 || cursor; n++) {
        const page = await s.get('leader-prov', `/findings?sort=${sort}&pageSize=1${cursor ? `&cursor=${String(cursor)}` : ''}`);
        rows.push(...(page['items'] as Row[]));
        cursor = page['nextCursor'];
      }
      return rows;
    };
    const byDue = await walk('due');
    const dues = byDue.map((r) => r['currentDueAt'] as string | null);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(1);
    expect(dues).toEqual([...[...dated].sort(), ...dues.filter((d) => d === null)]);
    expect(byDue.map((r) => r['seq'])).toEqual(byDue.map((_, i) => i + 1));
    const opened = ((await s.get('leader-prov', '/findings?pageSize=200'))['items'] as Row[]).map((r) => r['findingId']);
    expect([...byDue.map((r) => r['findingId'])].sort()).toEqual([...opened].sort());
    expect((await walk('-due')).map((r) => r['findingId'])).toEqual(byDue.map((r) => r['findingId']).reverse());
    expect((await walk('-opened')).map((r) => r['findingId'])).toEqual([...opened].reverse());
    // A cursor belongs to the sort that answered it.
    const due = await s.get('leader-prov', '/findings?sort=due&pageSize=1');
    const mixed = await t.http.get(`/findings?sort=-due&cursor=${String(due['nextCursor'])}`).set(t.auth('leader-prov'));
    expect(mixed.status).toBe(400);
    expect(mixed.body.fields).toEqual([expect.objectContaining({ field: 'cursor', rule: 'PAGING.CURSOR_INVALID' })]);
  });

  it('refuses a sort it does not offer as 400 naming sort, and lists as before', async () => {
    const before = await s.get('leader-prov', '/findings?pageSize=200');
    const bad = await t.http.get('/findings?sort=bogus').set(t.auth('leader-prov'));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['sort']);
    expect(await s.get('leader-prov', '/findings?pageSize=200')).toEqual(before);
  });

  it('refuses a cursor of another list as 400 naming cursor', async () => {
    // A well-formed cursor with three sort keys: the findings list's default order keeps one.
    const foreign = Buffer.from(JSON.stringify([1, 'a', 'b', 2])).toString('base64url');
    const res = await t.http.get(`/findings?cursor=${foreign}`).set(t.auth('leader-prov'));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'cursor', rule: 'PAGING.CURSOR_INVALID' })]);
  });

  it('lists visits with filters, newest first, a keyset page at a time', async () => {
    const visits = async (query: string) => s.get('leader-prov', `/visits?${query}`);
    expect(((await visits('status=cancelled'))['items'] as Row[]).length).toBe(1);
    expect(((await visits('kind=unannounced&institutionId=hosp-a1-1'))['items'] as Row[]).length).toBe(1);
    const all = (await visits('pageSize=200'))['items'] as Row[];
    expect(all.length).toBeGreaterThan(1);
    const paged: unknown[] = [];
    for (let cursor: unknown = undefined, n = 0; n === 0 || cursor; n++) {
      const page = await visits(`pageSize=1${cursor ? `&cursor=${String(cursor)}` : ''}`);
      paged.push(...(page['items'] as Row[]).map((v) => v['visitId']));
      cursor = page['nextCursor'];
    }
    expect(paged).toEqual(all.map((v) => v['visitId']));
  });

  it("does not show a hospital the commission's visits before they take place", async () => {
    const planned = String(
      (await s.post('inspector-a1', '/visits', { kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: '2025-03-20' }, 201))['id'],
    );
    await s.get('hospital-a1-1', `/visits/${planned}`, 404);
    const ids = ((await s.get('hospital-a1-1', '/visits'))['items'] as Row[]).map((v) => v['visitId']);
    expect(ids).toContain(visit);
    expect(ids).not.toContain(planned);
    expect(((await s.get('inspector-a1', '/visits'))['items'] as Row[]).map((v) => v['visitId'])).toContain(planned);
  });

  it('computes deadlines under the policy in force and records its version', async () => {
    const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };
    await t.app
      .get<PolicyRegistry>(POLICIES)
      .set('inspection', DEFAULT_INSPECTION_POLICY, { rectifyWorkingDays: { deadline: 10 } }, admin, '专项行动从严', 'policy-1');
    const v = await s.visit({ institutionId: 'hosp-a1-2' });
    const f = await s.finding(v);
    await s.post('inspector-a1', `/findings/${f}/notice`, {});
    const deadline = (await s.get('inspector-a1', `/findings/${f}`))['currentDeadline'] as Row;
    expect(deadline).toMatchObject({
      workingDays: 10,
      dueAt: '2025-03-17T15:59:59.999Z',
      policy: { policyVersion: 'default@1+r0', workingDays: 10 },
    });
    await t.app.get<PolicyRegistry>(POLICIES).set('inspection', DEFAULT_INSPECTION_POLICY, {}, admin, '恢复默认', 'policy-2');
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/visits',
        '/visits/{visitId}/record',
        '/visits/{visitId}/findings',
        '/findings',
        '/findings/{findingId}/history',
        '/findings/{findingId}/sign-off',
        '/ledgers/institutions/{institutionId}/export',
        '/ledgers/counts',
      ]),
    );
  });
});
