import { createTestApp, TestApp } from './test-app';

describe('e2e harness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves public routes without a token and refuses others without one', async () => {
    await t.http.get('/health').expect(200);
    const res = await t.http.get('/api/no-such-route').set(t.auth('leader-prov'));
    expect(res.status).toBe(404);
  });

  it('knows the caller from the token, and refuses a missing or forged one with 401', async () => {
    const me = await t.http.get('/me').set(t.auth('inspector-a1')).expect(200);
    expect(me.body.actor).toEqual({ id: 'inspector-a1', role: 'inspector', unit: 'county-a1' });
    expect(me.body.unitPath.map((u: { id: string }) => u.id)).toEqual(['county-a1', 'city-a', 'prov']);
    expect((await t.http.get('/me')).body.code).toBe('AUTH.MISSING_TOKEN');
    const forged = await t.http.get('/me').set({ Authorization: 'Bearer forged.token.value' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('AUTH.INVALID_TOKEN');
  });

  it('moves time forward', async () => {
    await t.advanceTo('2025-03-10T00:00:00.000Z');
    expect(t.clock.now().toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });
});
