import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createTestApp, TestApp } from '../../testing/test-app';
import { bearer, DEMO_PASSWORD, editableDirectory } from './identity-helpers';

/**
 * Tokens issued by others (JWT_PUBLIC_KEY) keep working beside sign-in (issue 16): they have no
 * session, the directory still decides whether their user may act, and sign-in is refused as
 * unavailable (the identity provider issues tokens) before anything is recorded.
 */
describe('tokens from a public key', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  let t: TestApp;
  let directory: ReturnType<typeof editableDirectory>;
  beforeAll(async () => {
    t = await createTestApp({
      config: {
        jwt: {
          source: { kind: 'public-key', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
          issuer: 'https://idp.example',
          audience: null,
          maxLifetimeSeconds: 3600,
        },
      },
    });
    directory = editableDirectory(t);
  });
  afterAll(() => t.close());

  const token = (sub: string, role: string, unit: string) =>
    jwt.sign({ role, unit, iat: Math.floor(t.clock.now().getTime() / 1000) }, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      algorithm: 'ES256',
      subject: sub,
      issuer: 'https://idp.example',
      expiresIn: 900,
    });

  it('accepts a directory user’s token and one for a subject the directory does not know', async () => {
    expect((await t.http.get('/me').set(bearer(token('leader-city-a', 'leader', 'city-a')))).status).toBe(200);
    expect((await t.http.get('/me').set(bearer(token('idp-someone', 'leader', 'city-a')))).status).toBe(200);
  });

  it('refuses a disabled directory user’s token at the next request', async () => {
    directory.change('leader-city-a', { active: false });
    const res = await t.http.get('/me').set(bearer(token('leader-city-a', 'leader', 'city-a')));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.USER_DISABLED');
    directory.reset();
  });

  it('answers sign-in with 422 AUTH.SIGN_IN_UNAVAILABLE and records nothing', async () => {
    const res = await t.http.post('/auth/sign-in').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('AUTH.SIGN_IN_UNAVAILABLE');
    expect(await t.store.readStream('account-admin')).toEqual([]);
  });
});
