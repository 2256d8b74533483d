import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator, SYSTEM_ACTOR } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS, readStreamStats } from '@bihuan/platform';
import { createApp, WorkerService } from '@bihuan/app';

describe('ROLE=all: the API process runs the worker too', () => {
  let app: NestExpressApplication;
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const scheduler = new ManualTimerScheduler(clock);
  const readModels = new Database(':memory:');

  beforeAll(async () => {
    app = await createApp({
      platform: { store, scheduler, clock, ids: new SequentialIdGenerator('e2e'), readModels, config: { role: 'all' } },
    });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    readModels.close();
  });

  it('projects the log into stream-stats while serving HTTP, and stops with the app', async () => {
    const metadata = {
      eventId: 'ev-1',
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: clock.now().toISOString(),
      schemaVersion: 1,
    };
    const { position } = await store.append('probe-1', [{ type: 'ProbeNoted', data: {}, metadata }], 'no_stream');
    const worker = app.get(WorkerService);
    await Promise.all(worker.runtime.projections.map((r) => r.caughtUpTo(position)));
    // The directory's first-start seed is on the log too; the probe is what this test wrote.
    const stats = await readStreamStats(app.get<SqlDatabase>(READ_MODELS));
    expect(stats.filter((s) => s.category !== 'directory')).toEqual([
      expect.objectContaining({ category: 'probe', streams: 1, events: 1, lastPosition: position }),
    ]);
    expect(await worker.projections()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'stream-stats', checkpoint: position, running: true })]),
    );
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
