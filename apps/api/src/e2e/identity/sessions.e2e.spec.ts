import { createTestApp, TestApp } from '../../testing/test-app';
import { accountEvents, bearer, editableDirectory, signIn } from './identity-helpers';

/** Sessions: refresh rotation with reuse detection, and revocation taking effect on the next request (issue 16). */
describe('sessions', () => {
  let t: TestApp;
  let directory: ReturnType<typeof editableDirectory>;
  beforeAll(async () => {
    t = await createTestApp();
    directory = editableDirectory(t);
  });
  afterEach(() => directory.reset());
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/me').set(bearer(token));
  const refresh = (refreshToken: string) => t.http.post('/auth/refresh').send({ refreshToken });

  it('rotates the refresh token; reusing an old one revokes the whole session family', async () => {
    const first = await signIn(t, 'inspector-a1');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.body.accessToken)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);

    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    // Every token of the family is dead from the next request on, the newest included.
    expect((await refresh(third.body.refreshToken)).body.code).toBe('AUTH.SESSION_REVOKED');
    for (const access of [first.accessToken, second.body.accessToken, third.body.accessToken]) {
      const res = await me(access);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH.SESSION_REVOKED');
    }
    expect((await refresh('not-a-token')).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('signs out one session at the next request, leaving the others', async () => {
    const a = await signIn(t, 'leader-city-a');
    const b = await signIn(t, 'leader-city-a');
    expect((await t.http.post('/auth/sign-out').set(bearer(a.accessToken))).status).toBe(200);
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await refresh(a.refreshToken)).status).toBe(401);
    expect((await me(b.accessToken)).status).toBe(200);
  });

  it('signs out everywhere with sign-out-all, on the record', async () => {
    const a = await signIn(t, 'inspector-city-a');
    const b = await signIn(t, 'inspector-city-a');
    expect((await t.http.post('/auth/sign-out-all').set(bearer(a.accessToken))).status).toBe(200);
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await me(b.accessToken)).status).toBe(401);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    expect(await accountEvents(t, 'inspector-city-a')).toContain('SessionsRevoked');
  });

  it('ends the sessions of a user disabled in the directory at the next request; a CLI token too', async () => {
    const s = await signIn(t, 'hospital-b1-1');
    expect((await me(s.accessToken)).status).toBe(200);
    directory.change('hospital-b1-1', { active: false });
    const res = await me(s.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.USER_DISABLED');
    expect((await t.http.get('/me').set(t.auth('hospital-b1-1'))).body.code).toBe('AUTH.USER_DISABLED');
    expect((await t.http.post('/auth/sign-in').send({ username: 'hospital-b1-1', password: 'x' })).status).toBe(401);
    // Enabled again, the old session stays ended: revocation is for good.
    directory.reset();
    expect((await me(s.accessToken)).status).toBe(401);
  });

  it('ends a session when the user’s role or unit changes; a CLI token naming the old role is refused', async () => {
    const s = await signIn(t, 'inspector-b1');
    directory.change('inspector-b1', { unit: 'city-b' });
    expect((await me(s.accessToken)).body.code).toBe('AUTH.SESSION_REVOKED');
    expect((await t.http.get('/me').set(t.auth('inspector-b1'))).body.code).toBe('AUTH.TOKEN_OUTDATED');
    expect((await refresh(s.refreshToken)).status).toBe(401);
  });

  it('still accepts tokens minted with JWT_SECRET (CLI, scripts) without a session', async () => {
    expect((await t.http.get('/admin/policies').set(t.auth('admin'))).status).toBe(200);
    const noSession = await t.http.post('/auth/sign-out').set(t.auth('admin'));
    expect(noSession.status).toBe(400);
    expect(noSession.body.code).toBe('AUTH.NO_SESSION');
  });

  it('lets a session live no longer than the policy’s session hours', async () => {
    const s = await signIn(t, 'partner-discipline');
    t.clock.advanceHours(12);
    expect((await refresh(s.refreshToken)).body.code).toBe('AUTH.SESSION_REVOKED');
  });
});
