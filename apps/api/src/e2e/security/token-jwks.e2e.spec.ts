import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';

/** JWT_JWKS_URL through the real guard: an identity provider's key, chosen by kid, on the app's clock. */
describe('tokens from an identity provider (JWKS)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let server: Server;
  let app: NestExpressApplication;
  let store: MemoryEventStore;
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'idp-2025', use: 'sig' }] }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    store = new MemoryEventStore(clock);
    const jwtConfig = {
      source: { kind: 'jwks' as const, url },
      issuer: 'https://idp.example',
      audience: 'bihuan',
      maxLifetimeSeconds: 3600,
    };
    app = await createApp({
      platform: {
        store,
        scheduler: new ManualTimerScheduler(clock),
        clock,
        ids: new SequentialIdGenerator('e2e'),
        config: { jwt: jwtConfig },
      },
    });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await new Promise<void>((done) => server.close(() => done()));
  });

  const token = (kid: string, payload: object = {}) =>
    jwt.sign({ role: 'leader', unit: 'city-a', iat: Math.floor(clock.now().getTime() / 1000), ...payload }, privatePem, {
      algorithm: 'ES256',
      keyid: kid,
      subject: 'idp-leader',
      issuer: 'https://idp.example',
      audience: 'bihuan',
      expiresIn: 1800,
    });
  const me = (bearer: string) =>
    request(app.getHttpServer())
      .get('/me')
      .set({ Authorization: `Bearer ${bearer}`, 'Accept-Language': 'en' });

  it('accepts a token signed with the key its kid names', async () => {
    const res = await me(token('idp-2025'));
    expect(res.status).toBe(200);
    expect(res.body.actor).toEqual({ id: 'idp-leader', role: 'leader', unit: 'city-a' });
  });

  it('refuses an unknown kid, a unit the jurisdiction lacks, and an expired token on the app clock', async () => {
    const unknown = await me(token('idp-1999'));
    expect([unknown.status, unknown.body.code]).toEqual([401, 'AUTH.INVALID_TOKEN']);
    expect(unknown.body.message).toMatch(/no usable key with kid "idp-1999"/);
    expect((await me(token('idp-2025', { unit: 'nowhere' }))).body.message).toMatch(/unit "nowhere" is not a known unit/);
    const early = token('idp-2025');
    clock.advance(31 * 60_000);
    expect((await me(early)).body.message).toMatch(/jwt expired/);
  });
});
