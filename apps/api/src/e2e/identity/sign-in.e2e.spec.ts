import { createTestApp, TestApp } from '../../testing/test-app';
import { accountEvents, bearer, DEMO_PASSWORD, signIn } from './identity-helpers';

/** Sign-in by password, lockout and unlock (issue 16, item 2), on the demo directory's demo password. */
describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs a demo user in with the demo password: a 15-minute access token that the API accepts, on the record', async () => {
    const tokens = await signIn(t, 'inspector-a1');
    expect(tokens).toMatchObject({ expiresIn: 900, mustChangePassword: false, tokenType: 'Bearer' });
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await t.http.get('/me').set(bearer(tokens.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.actor).toEqual({ id: 'inspector-a1', role: 'inspector', unit: 'county-a1' });
    expect((await t.http.get('/visits').set(bearer(tokens.accessToken))).status).toBe(200);
    expect(await accountEvents(t, 'inspector-a1')).toEqual(['PasswordSet', 'SignInSucceeded']);
  });

  it('answers a wrong password and an unknown user alike: 401 AUTH.BAD_CREDENTIALS, nothing stored for the unknown', async () => {
    const wrong = await t.http.post('/auth/sign-in').send({ username: 'leader-prov', password: 'Wrong#pass1' });
    const unknown = await t.http.post('/auth/sign-in').send({ username: 'nobody', password: 'Wrong#pass1' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('AUTH.BAD_CREDENTIALS');
    expect(unknown.body.code).toBe('AUTH.BAD_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(await accountEvents(t, 'leader-prov')).toEqual(['PasswordSet', 'SignInFailed']);
    expect(await accountEvents(t, 'nobody')).toEqual([]);
    expect(JSON.stringify(await t.store.readStream('account-leader-prov'))).not.toContain('Wrong#pass1');
  });

  it('refuses bad input with 400 naming the field, before anything is checked', async () => {
    const res = await t.http.post('/auth/sign-in').send({ username: 'admin' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('password');
  });

  it('locks after 5 failures (423 AUTH.LOCKED with until), even for the right password; an admin unlocks', async () => {
    const user = 'hospital-a1-1';
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await t.http.post('/auth/sign-in').send({ username: user, password: `Wrong#pass${i}` }));
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 423]);
    expect(attempts[4]!.body).toMatchObject({ code: 'AUTH.LOCKED', until: '2025-03-03T01:30:00.000Z' });
    const right = await t.http.post('/auth/sign-in').send({ username: user, password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    expect((await t.http.post(`/admin/accounts/${user}/unlock`).set(t.auth('leader-prov'))).status).toBe(403);
    const unlock = await t.http.post(`/admin/accounts/${user}/unlock`).set(t.auth('admin'));
    expect(unlock.status).toBe(200);
    expect(unlock.body).toMatchObject({ userId: user, events: ['AccountUnlocked'], locked: false });
    expect((await signIn(t, user)).mustChangePassword).toBe(false);
    const events = await accountEvents(t, user);
    expect(events.filter((e) => e === 'SignInFailed')).toHaveLength(6);
    expect(events).toContain('AccountLocked');
    expect(events.slice(-2)).toEqual(['AccountUnlocked', 'SignInSucceeded']);
  });

  it('ends a lockout by time: after the lock minutes the right password signs in again', async () => {
    const user = 'hospital-a1-2';
    for (let i = 0; i < 5; i++) await t.http.post('/auth/sign-in').send({ username: user, password: `Wrong#pass${i}` });
    expect((await t.http.post('/auth/sign-in').send({ username: user, password: DEMO_PASSWORD })).status).toBe(423);
    t.clock.advance(29 * 60_000);
    expect((await t.http.post('/auth/sign-in').send({ username: user, password: DEMO_PASSWORD })).status).toBe(423);
    t.clock.advance(60_000);
    expect((await signIn(t, user)).accessToken).toBeTruthy();
    const unlocked = (await t.store.readStream(`account-${user}`)).find((e) => e.type === 'AccountUnlocked');
    expect(unlocked?.data).toMatchObject({ reason: 'lock-expired' });
  });

  it('takes its lockout numbers from the identity policy (changed by an admin, recorded on the events)', async () => {
    const set = await t.http
      .put('/admin/policies/identity')
      .set(t.auth('admin'))
      .send({ overrides: { maxFailures: 2, lockMinutes: 5 }, reason: '测试' });
    expect(set.status).toBe(200);
    const user = 'inspector-b1';
    await t.http.post('/auth/sign-in').send({ username: user, password: 'Wrong#pass1' });
    const second = await t.http.post('/auth/sign-in').send({ username: user, password: 'Wrong#pass1' });
    expect(second.status).toBe(423);
    const locked = (await t.store.readStream(`account-${user}`)).find((e) => e.type === 'AccountLocked');
    expect(locked?.data).toMatchObject({ failures: 2, policyVersion: 'identity-2026.1+r0' });
    await t.http.put('/admin/policies/identity').set(t.auth('admin')).send({ overrides: {}, reason: '恢复' });
  });
});
