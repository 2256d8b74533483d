import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';
import { HOSPITAL, INSPECTOR, step, submitPublic, toDecided } from '../complaints/complaints-e2e.helpers';

type Item = Record<string, unknown>;
interface Todos {
  items: Item[];
  counts: Record<string, number>;
  overdue: number;
  total: number;
  names?: Record<string, string>;
}

/** Monday 09:00 in Shanghai: a deadline finding's notice is due at the end of the 15th working day after (24 March). */
const START = '2025-03-03T01:00:00.000Z';

describe('GET /me/todos (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;

  const todos = async (user: string, query = ''): Promise<Todos> => {
    await t.settle();
    const res = await t.http.get(`/me/todos${query}`).set(t.auth(user));
    if (res.status !== 200) throw new Error(`GET /me/todos as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Todos;
  };
  const of = (list: Todos, caseId: string) => list.items.filter((i) => i['caseId'] === caseId).map((i) => i['kind']);

  beforeAll(async () => {
    t = await createTestApp({ start: START });
    s = steps(t);
    visit = await s.visit();
  });
  afterAll(() => t.close());

  it('puts a recorded finding on its inspectors’ lists until its rectification notice is issued', async () => {
    const f = await s.finding(visit, { description: '收费公示栏未更新，\n部分项目价格与物价部门核定不一致' });
    const inspector = await todos(INSPECTOR, '?kind=rectification-notice');
    expect(inspector.items).toEqual([
      expect.objectContaining({
        kind: 'rectification-notice',
        title: '整改通知待下发',
        caseId: f,
        institutionId: 'hosp-a1-1',
        // What the finding is, on one line: ten findings of one hospital read alike without it.
        summary: '收费公示栏未更新，部分项目价格与物价部门核定不一致',
        link: `/cases/findings/${f}`,
        dueAt: null,
        overdue: false,
      }),
    ]);
    expect(of(await todos('inspector-city-a'), f)).toEqual(['rectification-notice']);
    // The hospital has nothing to do before the notice, and another county's inspector never sees it.
    expect(of(await todos(HOSPITAL), f)).toEqual([]);
    expect(of(await todos('inspector-b1'), f)).toEqual([]);
    await s.post(INSPECTOR, `/findings/${f}/notice`, {});
    expect(of(await todos(INSPECTOR), f)).toEqual([]);
    expect(of(await todos(HOSPITAL), f)).toEqual(['rectification-plan']);
    await s.post(HOSPITAL, `/findings/${f}/plan`, { measures: '公示收费标准' });
  });

  it('puts a notice without a plan on the hospital’s list, with its due date and working days left, until the plan comes', async () => {
    const f = await s.finding(visit);
    await s.post(INSPECTOR, `/findings/${f}/notice`, { noticeNo: '整改〔2025〕7号' });
    const hospital = await todos(HOSPITAL);
    expect(hospital.items).toEqual([
      expect.objectContaining({
        kind: 'rectification-plan',
        title: '整改方案待提交',
        caseId: f,
        institutionId: 'hosp-a1-1',
        unitId: 'hosp-a1-1',
        link: `/cases/findings/${f}`,
        dueAt: '2025-03-24T15:59:59.999Z',
        workingDaysLeft: 15,
        overdue: false,
      }),
    ]);
    expect(hospital.counts['rectification-plan']).toBe(1);
    expect(hospital.names).toMatchObject({ 'hosp-a1-1': expect.any(String) });
    // Another institution's hospital, an inspector of another county, and a leader see nothing of it.
    expect((await todos('hospital-a1-2')).items).toEqual([]);
    expect((await todos('inspector-b1')).items).toEqual([]);
    expect(await todos('leader-prov')).toMatchObject({ items: [], total: 0 });

    await s.post(HOSPITAL, `/findings/${f}/plan`, { measures: '全院警示教育' });
    expect(of(await todos(HOSPITAL), f)).toEqual([]);
  });

  it('puts a sign-off request and an extension request on the inspectors’ lists within their jurisdiction, until decided', async () => {
    const f = await s.finding(visit);
    await s.rectify(f);
    expect(of(await todos(INSPECTOR), f)).toEqual(['sign-off-verification']);
    expect(of(await todos('inspector-city-a'), f)).toEqual(['sign-off-verification']);
    expect(of(await todos('inspector-b1'), f)).toEqual([]);
    expect(of(await todos(HOSPITAL), f)).toEqual([]);
    await s.post(INSPECTOR, `/findings/${f}/reject`, { reasons: ['缺少佐证材料'] });
    expect(of(await todos(INSPECTOR), f)).toEqual([]);

    const asked = await s.post(HOSPITAL, `/findings/${f}/extension-request`, { reason: '人手不足', requestedDueAt: '2025-04-30' });
    const inspector = await todos(INSPECTOR, '?kind=extension-decision');
    expect(inspector.items).toEqual([expect.objectContaining({ kind: 'extension-decision', title: '延期申请待审批', caseId: f })]);
    expect(inspector.total).toBe(1);
    await s.post(INSPECTOR, `/findings/${f}/extension-denial`, { extensionId: asked['extensionId'], reason: '理由不充分' });
    expect(of(await todos(INSPECTOR), f)).toEqual([]);
  });

  it('follows a complaint through the hands it waits on: dispatch, acknowledge, answer, follow-up', async () => {
    const c = await submitPublic(t);
    expect(of(await todos(INSPECTOR), c.ticketId)).toEqual(['complaint-dispatch']);
    expect(of(await todos(HOSPITAL), c.ticketId)).toEqual([]);
    await step(t, INSPECTOR, c.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    expect(of(await todos(INSPECTOR), c.ticketId)).toEqual([]);
    const acknowledge = (await todos(HOSPITAL)).items.find((i) => i['caseId'] === c.ticketId);
    expect(acknowledge).toMatchObject({ kind: 'complaint-acknowledge', title: '投诉待签收', dueAt: expect.any(String), overdue: false });
    // The ticket's code and category, never the complainant's words.
    expect(acknowledge?.['summary']).toBe(`${c.ticketCode} · 红包回扣`);
    expect(of(await todos('hospital-a1-2'), c.ticketId)).toEqual([]);

    const other = await submitPublic(t);
    await toDecided(t, other.ticketId);
    expect(of(await todos(HOSPITAL), other.ticketId)).toEqual(['complaint-answer']);
    await step(t, HOSPITAL, other.ticketId, 'answer', { answer: '已退还并处理' });
    expect(of(await todos(HOSPITAL), other.ticketId)).toEqual([]);
    expect(of(await todos(INSPECTOR), other.ticketId)).toEqual(['complaint-follow-up']);
    await step(t, INSPECTOR, other.ticketId, 'follow-up', { rating: 'satisfied', comment: '电话回访' });
    expect(of(await todos(INSPECTOR), other.ticketId)).toEqual([]);
  });

  it('lists an ethics evaluation on its institution’s list at every stage until the year is finalised', async () => {
    const evaluation = (path: string, body: object) => s.post(HOSPITAL, `/ethics/evaluations${path}`, body, path === '' ? 201 : 200);
    await evaluation('', { institutionId: 'hosp-a1-1', year: 2025, staffId: 'S1' });
    const listed = await todos(HOSPITAL, '?kind=ethics-evaluation');
    expect(listed.items).toEqual([
      expect.objectContaining({ title: '医德考评待完成', stage: 'opened', link: '/hospital/ethics/hosp-a1-1/2025/S1', dueAt: null }),
    ]);
    expect(listed.counts['ethics-evaluation']).toBe(1);
    expect((await todos('hospital-a1-2', '?kind=ethics-evaluation')).items).toEqual([]);
    expect((await todos(INSPECTOR, '?kind=ethics-evaluation')).items).toEqual([]);
    await evaluation('/hosp-a1-1/2025/S1/self', { summary: '遵守医德规范', selfScore: 90 });
    await evaluation('/hosp-a1-1/2025/S1/department', { score: 88 });
    await evaluation('/hosp-a1-1/2025/S1/institution', {});
    expect((await todos(HOSPITAL, '?kind=ethics-evaluation')).items).toEqual([expect.objectContaining({ stage: 'scored' })]);
    await s.post(HOSPITAL, '/ethics/results/hosp-a1-1/2025/finalise', {});
    expect((await todos(HOSPITAL, '?kind=ethics-evaluation')).items).toEqual([]);
  });

  it('flags a step past its due date as overdue and puts it first, with the working days since', async () => {
    const v = await s.visit({ institutionId: 'hosp-a1-2' });
    const later = await s.finding(v);
    const soon = await s.finding(v, { requiredAction: 'immediate' });
    await s.post(INSPECTOR, `/findings/${later}/notice`, {});
    await s.post(INSPECTOR, `/findings/${soon}/notice`, {});
    const before = await todos('hospital-a1-2');
    expect(before.items.map((i) => [i['caseId'], i['overdue'], i['workingDaysLeft']])).toEqual([
      [soon, false, 1],
      [later, false, 15],
    ]);
    // Thursday 09:00: the immediate notice was due at the end of Tuesday (the clock moves; no timer fires).
    t.clock.set('2025-03-06T01:00:00.000Z');
    const after = await todos('hospital-a1-2');
    expect(after.items.map((i) => [i['caseId'], i['overdue'], i['workingDaysLeft']])).toEqual([
      [soon, true, -2],
      [later, false, 12],
    ]);
    expect(after).toMatchObject({ overdue: 1, total: 2, counts: { 'rectification-plan': 2 } });
  });

  it('refuses an unknown kind and a page size out of range, naming the field', async () => {
    const res = await t.http.get('/me/todos?kind=gossip&pageSize=1000').set(t.auth(HOSPITAL));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/kind/);
    expect(JSON.stringify(res.body)).toMatch(/pageSize/);
  });
});
