import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { DEMO_USERS } from '@bihuan/demo';
import { MemoryEventStore } from '@bihuan/event-store';
import { Exposure } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';

interface Started {
  readonly http: () => ReturnType<typeof request>;
  readonly bearer: (userId: string) => { Authorization: string };
  readonly close: () => Promise<void>;
}

async function start(metrics: Exposure, apiDocs: Exposure): Promise<Started> {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const app: NestExpressApplication = await createApp({
    platform: {
      store,
      scheduler: new ManualTimerScheduler(clock),
      clock,
      ids: new SequentialIdGenerator('e2e'),
      config: { metrics, apiDocs },
    },
  });
  await app.init();
  const tokens = app.get(TokenService);
  return {
    http: () => request(app.getHttpServer()),
    bearer: (userId) => {
      const u = DEMO_USERS.find((d) => d.id === userId)!;
      return { Authorization: `Bearer ${tokens.mint({ sub: u.id, role: u.role, unit: u.unit })}` };
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

describe('security headers (helmet) and the exposure of /metrics and the API docs', () => {
  describe('public (development defaults)', () => {
    let s: Started;
    beforeAll(async () => {
      s = await start('public', 'public');
    });
    afterAll(() => s.close());

    it('sends helmet headers with a strict CSP on API answers, errors included, and no x-powered-by', async () => {
      for (const res of [await s.http().get('/health'), await s.http().get('/no-such-route'), await s.http().get('/me')]) {
        expect(res.headers['content-security-policy']).toBe("default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('relaxes the CSP only for the docs UI, whose page runs no inline script and whose assets all load', async () => {
      const page = await s.http().get('/api/docs/').redirects(1).expect(200);
      const csp = page.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const assets = [...page.text.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]!).filter((u) => !/^(https?:|data:)/.test(u));
      expect(assets.length).toBeGreaterThan(2);
      for (const asset of assets) {
        const url = new URL(asset, 'http://x/api/docs/').pathname;
        expect([url, (await s.http().get(url)).status]).toEqual([url, 200]);
      }
      expect((await s.http().get('/api/docs-json')).headers['content-security-policy']).toContain("default-src 'none'");
    });

    it('serves /metrics and the docs to anyone', async () => {
      expect((await s.http().get('/metrics')).status).toBe(200);
      expect((await s.http().get('/api/docs-json')).status).toBe(200);
    });
  });

  describe('admin (production default for metrics)', () => {
    let s: Started;
    beforeAll(async () => {
      s = await start('admin', 'admin');
    });
    afterAll(() => s.close());

    it('answers /metrics and /api/docs-json only for an admin token; the docs UI is off', async () => {
      for (const path of ['/metrics', '/api/docs-json']) {
        expect([path, (await s.http().get(path)).status]).toEqual([path, 401]);
        expect([path, (await s.http().get(path).set(s.bearer('inspector-a1'))).status]).toEqual([path, 403]);
        expect([path, (await s.http().get(path).set(s.bearer('admin'))).status]).toEqual([path, 200]);
      }
      expect((await s.http().get('/metrics').set(s.bearer('admin'))).text).toContain('bihuan_process_cpu_user_seconds_total');
      expect((await s.http().get('/api/docs-json').set(s.bearer('admin'))).body.paths).toHaveProperty('/health');
      expect((await s.http().get('/api/docs').set(s.bearer('admin'))).status).toBe(404);
    });
  });

  describe('off (production default for the docs)', () => {
    let s: Started;
    beforeAll(async () => {
      s = await start('off', 'off');
    });
    afterAll(() => s.close());

    it('answers 404 for /metrics and the docs, even to an admin', async () => {
      for (const path of ['/metrics', '/api/docs', '/api/docs-json']) {
        expect([path, (await s.http().get(path).set(s.bearer('admin'))).status]).toEqual([path, 404]);
      }
    });
  });
});
