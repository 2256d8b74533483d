import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { DEMO_USERS } from '@bihuan/demo';
import { MemoryEventStore } from '@bihuan/event-store';
import { SqliteCheckpointStore, SqliteDeadLetterStore } from '@bihuan/processing';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';

describe('admin API in a process without a worker (ROLE=api)', () => {
  let app: NestExpressApplication;
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const readModels = new Database(':memory:');
  let bearer: { Authorization: string };

  beforeAll(async () => {
    app = await createApp({
      platform: {
        store,
        scheduler: new ManualTimerScheduler(clock),
        clock,
        ids: new SequentialIdGenerator('e2e'),
        readModels,
        config: { role: 'api', logLevel: 'silent' },
      },
    });
    await app.init();
    const admin = DEMO_USERS.find((u) => u.id === 'admin')!;
    bearer = { Authorization: `Bearer ${app.get(TokenService).mint({ sub: admin.id, role: admin.role, unit: admin.unit })}` };
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    readModels.close();
  });

  it('lists dead letters from the shared database but answers a retry with 503 naming the reason', async () => {
    await new SqliteDeadLetterStore(readModels).put({
      id: 'letter-9',
      workflow: 'deadlineTimers',
      instance: 'x-1',
      input: { eventId: 'e', type: 'DeadlineSet', streamName: 'x-1', revision: 0, position: 1 },
      error: 'boom',
      attempts: 5,
      at: '2025-03-03T01:00:00.000Z',
    });
    const list = await request(app.getHttpServer()).get('/admin/dead-letters').set(bearer).expect(200);
    expect(list.body.map((l: { id: string }) => l.id)).toEqual(['letter-9']);
    const res = await request(app.getHttpServer()).post('/admin/dead-letters/letter-9/retry').set(bearer).expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'WORKER.NOT_IN_PROCESS' });
    expect(res.body.message).toContain('this process runs no worker');
    expect(await new SqliteDeadLetterStore(readModels).get('letter-9')).not.toBeNull();
  });

  it('reports stored checkpoints when the worker runs elsewhere', async () => {
    new SqliteCheckpointStore(readModels).saveSync('stream-stats', 42);
    const res = await request(app.getHttpServer()).get('/admin/projections').set(bearer).expect(200);
    expect(res.body).toMatchObject({ workerInProcess: false, projections: [{ name: 'stream-stats', checkpoint: 42, running: null }] });
  });
});
