import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { FakeClock } from '@bihuan/testing';
import { TokenService } from './token.service';

const SECRET = 'test-secret-with-enough-length-for-hs256';
const START = '2025-03-03T01:00:00.000Z';
const nowSeconds = (clock: FakeClock): number => Math.floor(clock.now().getTime() / 1000);
const claims = { role: 'inspector', unit: 'county-a1' };

function rsaPair(): { publicPem: string; privatePem: string; jwk: Record<string, unknown> } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    jwk: publicKey.export({ format: 'jwk' }) as Record<string, unknown>,
  };
}

/** A token built by hand, as a forger would: header and payload exactly as given. */
function forge(header: object, payload: object, signature = ''): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

describe('TokenService', () => {
  let clock: FakeClock;
  let service: TokenService;
  const rules = { issuer: 'bihuan', audience: null, maxLifetimeSeconds: 12 * 3600 };
  beforeEach(() => {
    clock = new FakeClock(START);
    service = new TokenService({ kind: 'secret', secret: SECRET }, rules, clock);
  });
  const sign = (payload: object, options: jwt.SignOptions = {}, key: string = SECRET) =>
    jwt.sign({ ...claims, iat: nowSeconds(clock), ...payload }, key, { algorithm: 'HS256', subject: 'x', issuer: 'bihuan', ...options });

  it('round-trips user, role and unit on the injected clock', async () => {
    const token = service.mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵' });
    await expect(service.verify(token)).resolves.toEqual({ id: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵' });
    const payload = jwt.decode(token) as jwt.JwtPayload;
    expect(payload.iat).toBe(nowSeconds(clock));
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    expect(() => service.mint({ sub: 'x', role: 'admin', unit: 'prov' }, 13 * 3600)).toThrow(/at most 43200 s/);
  });

  it('refuses alg none', async () => {
    const token = forge({ alg: 'none', typ: 'JWT' }, { sub: 'x', ...claims, iss: 'bihuan', exp: nowSeconds(clock) + 60 });
    await expect(service.verify(token)).rejects.toThrow(/Bearer token rejected: jwt signature is required/);
  });

  it('refuses a token signed with another secret and a tampered payload', async () => {
    await expect(service.verify(sign({}, { expiresIn: 60 }, 'another-secret-of-enough-length-xxxxxx'))).rejects.toThrow(
      /invalid signature/,
    );
    const [header, , signature] = service.mint({ sub: 'x', role: 'inspector', unit: 'county-a1' }).split('.');
    const raised = Buffer.from(
      JSON.stringify({ sub: 'x', role: 'admin', unit: 'prov', iss: 'bihuan', iat: nowSeconds(clock), exp: nowSeconds(clock) + 60 }),
    ).toString('base64url');
    await expect(service.verify(`${header}.${raised}.${signature}`)).rejects.toThrow(/invalid signature/);
  });

  it('requires exp within the maximum lifetime and honours nbf, all on the injected clock', async () => {
    await expect(service.verify(sign({}))).rejects.toThrow(/exp is required/);
    const year5138 = Date.parse('5138-11-16T09:46:40Z') / 1000;
    await expect(service.verify(sign({ exp: year5138 }))).rejects.toThrow(/exp lies more than 43200 s ahead/);
    await expect(service.verify(sign({ iat: nowSeconds(clock) - 13 * 3600 }, { expiresIn: 13 * 3600 }))).rejects.toThrow(
      /lives longer than 43200 s/,
    );
    await expect(service.verify(sign({ nbf: nowSeconds(clock) + 3600 }, { expiresIn: 7200 }))).rejects.toThrow(/jwt not active/);
    const token = service.mint({ sub: 'x', role: 'leader', unit: 'prov' }, 600);
    clock.advance(11 * 60_000);
    await expect(service.verify(token)).rejects.toThrow(/jwt expired/);
    await expect(service.verify('not.a.token')).rejects.toThrow(/Bearer token rejected/);
  });

  it('checks a token once, then only its times on the clock: exp and nbf still hold for a token seen before', async () => {
    const checks = jest.spyOn(jwt, 'verify');
    const token = service.mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1' }, 600);
    await expect(service.verify(token)).resolves.toMatchObject({ id: 'inspector-a1' });
    await expect(service.verify(token)).resolves.toMatchObject({ id: 'inspector-a1' });
    expect(checks).toHaveBeenCalledTimes(1);
    clock.advance(11 * 60_000);
    await expect(service.verify(token)).rejects.toThrow(/jwt expired/);

    const later = sign({ nbf: nowSeconds(clock) + 3600 }, { expiresIn: 7200 });
    await expect(service.verify(later)).rejects.toThrow(/jwt not active/);
    clock.advance(3600_000);
    await expect(service.verify(later)).resolves.toMatchObject({ role: 'inspector' });
    clock.advance(-3600_000 - 60_000); // a clock set back: the token seen before is not active again
    await expect(service.verify(later)).rejects.toThrow(/jwt not active/);
    checks.mockRestore();
  });

  it('refuses a wrong issuer or audience', async () => {
    await expect(service.verify(sign({}, { expiresIn: 60, issuer: 'elsewhere' }))).rejects.toThrow(/jwt issuer invalid/);
    const withAudience = new TokenService({ kind: 'secret', secret: SECRET }, { ...rules, audience: 'bihuan-api' }, clock);
    await expect(withAudience.verify(sign({}, { expiresIn: 60 }))).rejects.toThrow(/jwt audience invalid/);
    await expect(withAudience.verify(sign({}, { expiresIn: 60, audience: 'bihuan-api' }))).resolves.toMatchObject({ role: 'inspector' });
  });

  it('verifies RS256 with the public key only, and refuses HS256 signed with that public key (alg confusion)', async () => {
    const { publicPem, privatePem } = rsaPair();
    const issuer = new TokenService({ kind: 'public-key', publicKey: publicPem, privateKey: privatePem }, rules, clock);
    const verifier = new TokenService({ kind: 'public-key', publicKey: publicPem }, rules, clock);
    await expect(verifier.verify(issuer.mint({ sub: 'h1', role: 'hospital', unit: 'hosp-a1-1' }))).resolves.toMatchObject({
      id: 'h1',
      role: 'hospital',
    });
    expect(() => verifier.mint({ sub: 'h1', role: 'hospital', unit: 'hosp-a1-1' })).toThrow(/only a public key/);
    const confused = forge(
      { alg: 'HS256', typ: 'JWT' },
      { sub: 'x', role: 'admin', unit: 'prov', iss: 'bihuan', iat: nowSeconds(clock), exp: nowSeconds(clock) + 60 },
    );
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', publicPem).update(confused.slice(0, -1)).digest('base64url');
    await expect(verifier.verify(`${confused.slice(0, -1)}.${signature}`)).rejects.toThrow(/invalid algorithm/);
  });

  describe('JWKS of an identity provider', () => {
    let server: Server;
    let url: string;
    let requests = 0;
    const pair = rsaPair();
    beforeAll(async () => {
      server = createServer((_req, res) => {
        requests += 1;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ keys: [{ ...pair.jwk, kid: 'key-1', use: 'sig', alg: 'RS256' }] }));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    const idpToken = (kid: string | undefined, key = pair.privatePem) =>
      jwt.sign({ ...claims, iat: nowSeconds(clock) }, key, {
        algorithm: 'RS256',
        subject: 'idp-user',
        issuer: 'bihuan',
        expiresIn: 600,
        ...(kid ? { keyid: kid } : {}),
      });

    it('accepts a token signed with the key its kid names, fetching the keys once', async () => {
      const jwks = new TokenService({ kind: 'jwks', url }, rules, clock);
      await expect(jwks.verify(idpToken('key-1'))).resolves.toMatchObject({ id: 'idp-user', role: 'inspector' });
      await expect(jwks.verify(idpToken('key-1'))).resolves.toMatchObject({ id: 'idp-user' });
      expect(requests).toBe(1);
    });

    it('refuses an unknown kid, no kid, another key under a known kid, and minting', async () => {
      const jwks = new TokenService({ kind: 'jwks', url }, rules, clock);
      await expect(jwks.verify(idpToken('key-2'))).rejects.toThrow(/no usable key with kid "key-2"/);
      await expect(jwks.verify(idpToken(undefined))).rejects.toThrow(/names no kid/);
      await expect(jwks.verify(idpToken('key-1', rsaPair().privatePem))).rejects.toThrow(/invalid signature/);
      expect(() => jwks.mint({ sub: 'x', role: 'admin', unit: 'prov' })).toThrow(/identity provider issues them/);
    });
  });
});
