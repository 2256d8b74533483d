import { createTestApp, TestApp } from '../../testing/test-app';

/** GET /me/working-days: working days left to due dates, counted as the to-do list counts them. */
describe('GET /me/working-days', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Monday 2025-03-03, 10:00 in Shanghai.
    t = await createTestApp({ start: '2025-03-03T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('counts working days to future dates, zero today and negative once past', async () => {
    const due = ['2025-03-10T15:59:59.999Z', '2025-03-03T15:59:59.999+08:00', '2025-02-27T15:59:59.999Z'];
    const res = await t.http.get(`/me/working-days?due=${due.map(encodeURIComponent).join(',')}`).set(t.auth('hospital-a1-1'));
    expect(res.status).toBe(200);
    const [nextMonday, today, lastThursday] = (res.body.items as { workingDaysLeft: number }[]).map((i) => i.workingDaysLeft);
    expect(nextMonday).toBe(5);
    expect(today).toBeGreaterThanOrEqual(0);
    expect(today).toBeLessThanOrEqual(1);
    expect(lastThursday).toBeLessThan(0);
    expect(res.body.now).toBe('2025-03-03T02:00:00.000Z');
  });

  it('refuses a date without an offset or too many dates, naming `due`', async () => {
    const bad = await t.http.get('/me/working-days?due=soon').set(t.auth('inspector-a1'));
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toMatch(/^due/);
    const many = Array.from({ length: 101 }, () => '2025-03-10T15:59:59.999Z').join(',');
    expect((await t.http.get(`/me/working-days?due=${many}`).set(t.auth('inspector-a1'))).status).toBe(400);
  });
});
