import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '../create-app';

/** /health checks Redis when REDIS_URL is set (real Redis on 127.0.0.1:6379, as .ci/run provides). */
describe('GET /health with REDIS_URL', () => {
  const apps: NestExpressApplication[] = [];
  const clock = new FakeClock();
  const store = new MemoryEventStore(clock);

  async function appWithRedis(redisUrl: string): Promise<NestExpressApplication> {
    const app = await createApp({
      platform: { store, scheduler: new ManualTimerScheduler(clock), clock, ids: new SequentialIdGenerator(), config: { redisUrl } },
    });
    await app.init();
    apps.push(app);
    return app;
  }

  afterAll(async () => {
    for (const app of apps) await app.close();
    await store.close();
  });

  it('is 200 with redis up when Redis answers', async () => {
    const app = await appWithRedis('redis://127.0.0.1:6379');
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.info).toMatchObject({ store: { status: 'up' }, redis: { status: 'up' } });
  });

  it('is 503 naming redis when nothing answers at REDIS_URL', async () => {
    const app = await appWithRedis('redis://127.0.0.1:1');
    const res = await request(app.getHttpServer()).get('/health').expect(503);
    expect(res.body).toMatchObject({
      code: 'UNHEALTHY',
      message: '服务不健康：redis 不可用',
      down: ['redis'],
      details: { store: { status: 'up' }, redis: { status: 'down' } },
    });
  });
});
