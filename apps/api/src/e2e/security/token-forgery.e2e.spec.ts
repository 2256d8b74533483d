import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { testJwtConfig } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * Forged and out-of-rule tokens against the real guard (issue 11, part 1): each is answered 401
 * AUTH.INVALID_TOKEN naming the reason, on an admin route that would otherwise answer 200.
 */
describe('token forgery through the guard', () => {
  let t: TestApp;
  const secret = (): string => {
    const source = testJwtConfig().source;
    if (source.kind !== 'secret') throw new Error('tests sign with a secret');
    return source.secret;
  };
  const now = (): number => Math.floor(t.clock.now().getTime() / 1000);
  const sign = (payload: object, options: jwt.SignOptions = {}, key: string = secret()) =>
    jwt.sign({ role: 'admin', unit: 'prov', iat: now(), ...payload }, key, {
      algorithm: 'HS256',
      subject: 'mallory',
      issuer: 'bihuan',
      ...options,
    });
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refused = async (token: string, reason: RegExp) => {
    // English: the reason named is the token library's own words.
    const res = await t.http.get('/admin/policies').set({ Authorization: `Bearer ${token}`, 'Accept-Language': 'en' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.INVALID_TOKEN');
    expect(res.body.message).toMatch(reason);
  };

  it('accepts a genuine admin token (the control)', async () => {
    expect((await t.http.get('/admin/policies').set(t.auth('admin'))).status).toBe(200);
    expect((await t.http.get('/admin/policies').set({ Authorization: `Bearer ${sign({}, { expiresIn: 600 })}` })).status).toBe(200);
  });

  it('refuses alg none, alg confusion, a wrong secret and a tampered payload', async () => {
    await refused(
      `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'm', role: 'admin', unit: 'prov', iss: 'bihuan', exp: now() + 60 })}.`,
      /signature is required/,
    );
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await refused(sign({}, { expiresIn: 600 }, publicPem), /invalid signature/);
    await refused(sign({}, { expiresIn: 600 }, 'a-guessed-secret-of-at-least-32-characters'), /invalid signature/);
    const [header, , signature] = t.auth('hospital-a1-1').Authorization.slice('Bearer '.length).split('.');
    await refused(
      `${header}.${part({ sub: 'hospital-a1-1', role: 'admin', unit: 'prov', iss: 'bihuan', iat: now(), exp: now() + 60 })}.${signature}`,
      /invalid signature/,
    );
  });

  it('refuses a missing exp, an exp in 5138, an expired token and one not yet valid (on the FakeClock)', async () => {
    await refused(sign({}), /exp is required/);
    await refused(sign({ exp: Date.parse('5138-11-16T09:46:40Z') / 1000 }), /exp lies more than 43200 s ahead/);
    await refused(sign({ iat: now() - 7200 }, { expiresIn: 3600 }), /jwt expired/);
    await refused(sign({ nbf: now() + 3600 }, { expiresIn: 7200 }), /jwt not active/);
  });

  it('refuses an unknown unit and a role the unit cannot hold', async () => {
    await refused(sign({ unit: 'nowhere' }, { expiresIn: 600 }), /unit "nowhere" is not a known unit/);
    await refused(sign({ role: 'hospital', unit: 'city-a' }, { expiresIn: 600 }), /role hospital cannot belong to unit "city-a" \(city\)/);
    await refused(
      sign({ role: 'inspector', unit: 'hosp-a1-1' }, { expiresIn: 600 }),
      /role inspector cannot belong to unit "hosp-a1-1" \(institution\)/,
    );
    await refused(sign({ role: 'admin', unit: 'hosp-a1-1' }, { expiresIn: 600 }), /role admin cannot belong/);
  });

  it('checks tokens on public routes too when one is sent', async () => {
    const res = await t.http.get('/health').set({ Authorization: `Bearer ${sign({ unit: 'nowhere' }, { expiresIn: 600 })}` });
    expect(res.status).toBe(401);
  });
});
