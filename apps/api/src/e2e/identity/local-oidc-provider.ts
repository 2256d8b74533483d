import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** oidc-provider 9 is ES modules only: loaded with Node's own require (see openid-client.loader.ts). */
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; params: Record<string, unknown> }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
}
type ProviderClass = new (issuer: string, configuration: object) => ProviderInstance;

const nodeRequire = (process as unknown as { getBuiltinModule(n: 'node:module'): typeof import('node:module') })
  .getBuiltinModule('node:module')
  .createRequire(__filename);

function providerClass(): ProviderClass {
  return (nodeRequire('oidc-provider') as { default: ProviderClass }).default;
}

/**
 * oidc-provider tells its settings from class instances by `value.constructor === Object`; jest's
 * objects have another realm's Object, so the configuration is rebuilt with Node's own.
 */
function inNodeRealm(value: unknown): unknown {
  const NodeObject = (nodeRequire('node:util') as object).constructor as ObjectConstructor;
  if (Array.isArray(value)) return value.map(inNodeRealm);
  if (value && typeof value === 'object') {
    const out = new NodeObject() as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = inNodeRealm(v);
    return out;
  }
  return value;
}

export interface LocalOidcProvider {
  readonly issuer: string;
  /** Who the next login at the provider is (the provider's `sub`) and the claims it states. */
  signInAs(sub: string, claims?: Record<string, string>): void;
  /** Follows the browser's way from our login redirect to the provider and back; returns the callback URL. */
  authorize(loginLocation: string, redirectUri: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider on a random local port (oidc-provider), with one confidential
 * client. Its interaction page signs in whoever `signInAs` names and grants the requested scopes,
 * in place of a person at a login form.
 */
export async function startLocalOidcProvider(client: { id: string; secret: string; redirectUri: string }): Promise<LocalOidcProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let account = { sub: 'nobody', claims: {} as Record<string, string> };
  const Provider = providerClass();
  const provider = new Provider(
    issuer,
    inNodeRealm({
      clients: [
        {
          client_id: client.id,
          client_secret: client.secret,
          redirect_uris: [client.redirectUri],
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      cookies: { keys: ['local-oidc-provider-test-key'] },
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: () => ({ sub: id, ...(id === account.sub ? account.claims : {}) }),
      }),
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false } },
    }) as object,
  );
  const callback = provider.callback();
  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: account.sub, clientId: client.id });
      grant.addOIDCScope(String(details.params['scope'] ?? 'openid'));
      await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId: await grant.save() } });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  };
  return {
    issuer,
    signInAs: (sub, claims = {}) => {
      account = { sub, claims };
    },
    async authorize(loginLocation, redirectUri) {
      const cookies = new Map<string, string>();
      let url = loginLocation;
      for (let hop = 0; hop < 10; hop++) {
        if (url.startsWith(redirectUri)) return new URL(url);
        const res = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        for (const line of res.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const eq = pair!.indexOf('=');
          cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
        url = new URL(location, url).toString();
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
