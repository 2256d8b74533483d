import { createOpenApiDocument } from '@bihuan/app';
import { OpenApiAnswers } from '../../testing/openapi-answers';
import { createTestApp, TestApp } from '../../testing/test-app';
import { accountEvents, bearer } from './identity-helpers';
import { LocalOidcProvider, startLocalOidcProvider } from './local-oidc-provider';

const REDIRECT = 'http://127.0.0.1:3999/auth/oidc/callback';

/** Single sign-on end to end against a real local OpenID Connect provider (issue 16, item 2). */
describe('OIDC sign-in', () => {
  let idp: LocalOidcProvider;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startLocalOidcProvider({ id: 'bihuan', secret: 'local-test-client-secret', redirectUri: REDIRECT });
    t = await createTestApp({
      config: {
        oidc: {
          issuer: idp.issuer,
          clientId: 'bihuan',
          clientSecret: 'local-test-client-secret',
          redirectUri: REDIRECT,
          userClaim: 'preferred_username',
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Our login redirect → the provider → back to our callback; the callback's answer. */
  async function ssoAs(sub: string, claims: Record<string, string> = {}) {
    idp.signInAs(sub, claims);
    const login = await t.http.get('/auth/oidc/login');
    expect(login.status).toBe(302);
    const location = new URL(login.headers['location'] as string);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const back = await idp.authorize(location.toString(), REDIRECT);
    return { back, res: await t.http.get(`/auth/oidc/callback${back.search}`) };
  }

  it('signs in the directory user an admin linked to the provider’s subject, with our own session', async () => {
    const link = await t.http.put('/admin/accounts/inspector-a1/external-identity').set(t.auth('admin')).send({ subject: 'idp-zhao' });
    expect(link.status).toBe(200);
    expect(link.body.externalIdentities).toEqual([{ issuer: idp.issuer, subject: 'idp-zhao' }]);
    const { res } = await ssoAs('idp-zhao');
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(false);
    expect(new OpenApiAnswers(createOpenApiDocument(t.app)).problems('GET', '/auth/oidc/callback', 200, res.body)).toEqual([]);
    const me = await t.http.get('/me').set(bearer(res.body.accessToken));
    expect(me.body.actor).toEqual({ id: 'inspector-a1', role: 'inspector', unit: 'county-a1' });
    expect(await accountEvents(t, 'inspector-a1')).toEqual(['ExternalIdentityLinked', 'SignInSucceeded']);
    const signedIn = (await t.store.readStream('account-inspector-a1'))[1];
    expect(signedIn?.data).toMatchObject({ method: 'oidc' });
    expect((await t.http.post('/auth/refresh').send({ refreshToken: res.body.refreshToken })).status).toBe(200);
  });

  it('maps an unlinked subject by the configured claim naming a directory user', async () => {
    const { res } = await ssoAs('idp-li', { preferred_username: 'leader-city-a' });
    expect(res.status).toBe(200);
    expect((await t.http.get('/me').set(bearer(res.body.accessToken))).body.actor.id).toBe('leader-city-a');
    expect(await accountEvents(t, 'leader-city-a')).toEqual(['SignInSucceeded']);
  });

  it('refuses a subject that maps to nobody, and a callback replayed with a used state', async () => {
    const { res } = await ssoAs('idp-stranger', { preferred_username: 'not-a-user' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.OIDC_UNKNOWN_USER');
    const { back } = await ssoAs('idp-zhao');
    const again = await t.http.get(`/auth/oidc/callback${back.search}`);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('AUTH.OIDC_STATE');
  });

  it('unlinks: the subject no longer signs anyone in', async () => {
    const unlink = await t.http.delete('/admin/accounts/inspector-a1/external-identity').set(t.auth('admin')).send({ subject: 'idp-zhao' });
    expect(unlink.status).toBe(200);
    expect((await ssoAs('idp-zhao')).res.body.code).toBe('AUTH.OIDC_UNKNOWN_USER');
  });
});
