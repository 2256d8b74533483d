import { OFFICIAL_2027, PROVISIONAL } from '../../testing/official-2027.fixture';
import { createTestApp, TestApp } from '../../testing/test-app';
import { INSPECTOR, INSTITUTION, step, submitPublic } from '../complaints/complaints-e2e.helpers';

type Listed = {
  count: number;
  first: { stream: string; purpose: string; dueAt: string; calendarVersion: string; provisionalYears: number[] }[];
};

/**
 * GET /admin/calendar/provisional-deadlines (issue 21): before next year's notice is imported the
 * admin sees which deadlines were counted on the rules alone; the import recomputes them and the
 * list empties.
 */
describe('deadlines computed on a provisional calendar year, listed for the admin', () => {
  let t: TestApp;
  // Monday 28 December 2026, 10:00 Shanghai: a complaint's answer deadline counts into 2027.
  beforeAll(async () => {
    t = await createTestApp({ start: '2026-12-28T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  const list = async (query = ''): Promise<Listed> =>
    (await t.http.get(`/admin/calendar/provisional-deadlines${query}`).set(t.auth('admin')).expect(200)).body as Listed;

  it('lists them soonest first with the provisional year, and the import of that year empties the list', async () => {
    expect(await list()).toEqual({ count: 0, first: [] });
    for (const complexity of ['complex', 'simple']) {
      const { ticketId } = await submitPublic(t);
      await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity });
    }
    await t.settle();

    const before = await list();
    expect(before.count).toBeGreaterThanOrEqual(2);
    expect(before.first.map((d) => d.dueAt)).toEqual([...before.first.map((d) => d.dueAt)].sort());
    for (const deadline of before.first) {
      expect(deadline.calendarVersion).toMatch(PROVISIONAL);
      expect(deadline.provisionalYears).toEqual([2027]);
      expect(deadline.stream).toMatch(/^complaintTicket-/);
    }
    expect(before.first.map((d) => d.purpose)).toEqual(expect.arrayContaining(['answer']));
    const calendar = await t.http.get('/admin/calendar').set(t.auth('admin')).expect(200);
    expect(calendar.body.outlook.provisionalPending).toEqual({ '2027': before.count });
    expect((await list('?limit=1')).first).toEqual([before.first[0]]);

    await t.http.post('/admin/calendar/years').set(t.auth('admin')).send(OFFICIAL_2027).expect(201);
    await t.settle();
    expect(await list()).toEqual({ count: 0, first: [] });
  });

  it('refuses a limit out of range, naming the field', async () => {
    const res = await t.http.get('/admin/calendar/provisional-deadlines?limit=0').set(t.auth('admin')).expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
    expect((await t.http.get('/admin/calendar/provisional-deadlines').set(t.auth('leader-prov'))).status).toBe(403);
  });
});
