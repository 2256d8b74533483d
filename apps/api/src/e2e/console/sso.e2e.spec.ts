import { LocalOidcProvider, startLocalOidcProvider } from '../identity/local-oidc-provider';
import { ConsoleSession, freePort, openConsole } from './browser-harness';

/**
 * Single sign-on through the console in a real browser: 统一身份认证登录 → the provider (a real
 * local OpenID Connect provider) → back to the console's /sso/callback → the person's workspace.
 */
describe('console: single sign-on in Chromium', () => {
  let idp: LocalOidcProvider;
  let c: ConsoleSession;
  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/sso/callback`;
    idp = await startLocalOidcProvider({ id: 'bihuan', secret: 'local-test-client-secret', redirectUri });
    c = await openConsole({
      port,
      config: {
        oidc: {
          issuer: idp.issuer,
          clientId: 'bihuan',
          clientSecret: 'local-test-client-secret',
          redirectUri,
          userClaim: 'preferred_username',
        },
      },
    });
  });
  afterAll(async () => {
    await c?.close();
    await idp?.close();
  });

  it('signs an inspector in through the identity provider and lands them on their workspace', async () => {
    idp.signInAs('idp-zhao', { preferred_username: 'inspector-a1' });
    const page = await c.open('/signin');
    await page.getByRole('link', { name: '统一身份认证登录' }).click();
    await page.waitForURL((url) => url.pathname === '/inspector');
    await page.getByText('赵监督员').waitFor();
  });

  it('says in Chinese when the provider vouches for nobody in the directory', async () => {
    idp.signInAs('idp-stranger', { preferred_username: 'not-a-user' });
    const page = await c.open('/signin');
    await page.getByRole('link', { name: '统一身份认证登录' }).click();
    await page.getByText('统一身份认证登录未完成').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sso/callback');
  });
});
