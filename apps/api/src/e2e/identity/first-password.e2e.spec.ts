import { createTestApp, TestApp } from '../../testing/test-app';
import { accountEvents, bearer, DEMO_PASSWORD, signIn } from './identity-helpers';

/** One-time passwords (admin reset) must be changed before anything else; the change ends every session (issue 16). */
describe('first-password change and password policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('forces the change of a one-time password, checks the policy, and ends older sessions', async () => {
    const before = await signIn(t, 'leader-prov');
    const reset = await t.http.post('/admin/accounts/leader-prov/reset-password').set(t.auth('admin'));
    expect(reset.status).toBe(200);
    const otp = reset.body.oneTimePassword as string;
    expect(otp).toMatch(/^.{16}$/);
    expect((await t.http.get('/me').set(bearer(before.accessToken))).status).toBe(401);
    expect((await t.http.post('/auth/sign-in').send({ username: 'leader-prov', password: DEMO_PASSWORD })).status).toBe(401);

    const first = await signIn(t, 'leader-prov', otp);
    expect(first.mustChangePassword).toBe(true);
    const blocked = await t.http.get('/findings').set(bearer(first.accessToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    expect((await t.http.get('/me').set(bearer(first.accessToken))).status).toBe(200);

    const change = (currentPassword: string, newPassword: string) =>
      t.http.post('/auth/password').set(bearer(first.accessToken)).send({ currentPassword, newPassword });
    const short = await change(otp, 'Ab1#');
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'AUTH.PASSWORD_POLICY', details: { rule: 'minLength' } });
    expect(short.body.fields[0].field).toBe('newPassword');
    expect((await change(otp, 'alllowercase1')).body.details.rule).toBe('minCharacterClasses');
    expect((await change(otp, 'Leader-prov#2026')).body.details.rule).toBe('notUserId');
    expect((await change('wrong', 'Good#Pass2026')).body.code).toBe('AUTH.WRONG_CURRENT_PASSWORD');

    const done = await change(otp, 'Good#Pass2026');
    expect(done.status).toBe(200);
    expect(done.body.mustChangePassword).toBe(false);
    expect((await t.http.get('/me').set(bearer(first.accessToken))).status).toBe(401);
    expect((await t.http.get('/findings').set(bearer(done.body.accessToken))).status).toBe(200);
    expect((await signIn(t, 'leader-prov', 'Good#Pass2026')).mustChangePassword).toBe(false);
    const events = await accountEvents(t, 'leader-prov');
    expect(events).toEqual(expect.arrayContaining(['OneTimePasswordIssued', 'PasswordChanged', 'SessionsRevoked']));
    const text = JSON.stringify(await t.store.readStream('account-leader-prov'));
    expect(text).not.toContain(otp);
    expect(text).not.toContain('Good#Pass2026');
  });

  it('refuses a reset outside the admin role and for users the directory does not know', async () => {
    expect((await t.http.post('/admin/accounts/leader-prov/reset-password').set(t.auth('leader-prov'))).status).toBe(403);
    const unknown = await t.http.post('/admin/accounts/nobody/reset-password').set(t.auth('admin'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('AUTH.UNKNOWN_USER');
  });

  it('asks for a change when the password has expired under the policy', async () => {
    await t.http
      .put('/admin/policies/identity')
      .set(t.auth('admin'))
      .send({ overrides: { passwordExpiryDays: 90 }, reason: '等保' });
    await signIn(t, 'hospital-a1-2');
    t.clock.advanceDays(91);
    expect((await signIn(t, 'hospital-a1-2')).mustChangePassword).toBe(true);
  });
});
