import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator, SYSTEM_ACTOR } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { MemoryEventStore } from '@bihuan/event-store';
import { STREAM_STATS } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp, WorkerService } from '@bihuan/app';

/** Enough events that stream-stats needs dozens of pages (each followed by a turn of the event loop). */
const EVENTS = 10_000;

interface View {
  name: string;
  checkpoint: number | null;
  behind: number | null;
  catchingUp: boolean | null;
}

describe('start-up on a long log: the API answers while the worker catches up', () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const scheduler = new ManualTimerScheduler(clock);
  const readModels = new Database(':memory:');
  let app: NestExpressApplication;
  let head: number;

  beforeAll(async () => {
    for (let s = 0; s * 100 < EVENTS; s++) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        type: 'ProbeNoted',
        data: {},
        metadata: {
          eventId: `ev-${s}-${i}`,
          correlationId: 'c',
          causationId: null,
          actor: SYSTEM_ACTOR,
          occurredAt: clock.now().toISOString(),
          schemaVersion: 1,
        },
      }));
      head = (await store.append(`probe-${s}`, events, 'no_stream')).position;
    }
    app = await createApp({
      platform: { store, scheduler, clock, ids: new SequentialIdGenerator('e2e'), readModels, config: { role: 'all' } },
    });
    await app.init();
    // The first start seeded the empty directory after the probes: the head is where that left it.
    head = (await store.headPosition())!;
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    readModels.close();
  });

  it('GET /admin/projections answers with stream-stats still behind the head, then shows it caught up', async () => {
    const token = app.get(TokenService).mint({ sub: 'admin', role: 'admin', unit: 'prov', name: 'Admin' });
    const http = request(app.getHttpServer());
    const during = await http
      .get('/admin/projections')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    const statsDuring = (during.body.projections as View[]).find((p) => p.name === STREAM_STATS)!;
    // The answer came while the projection was still catching up (before: only after it had caught up).
    expect(during.body.head).toBe(head);
    expect(statsDuring.catchingUp).toBe(true);
    expect(statsDuring.behind).toBe(head - (statsDuring.checkpoint ?? 0));
    expect(statsDuring.behind).toBeGreaterThan(0);

    const runtime = app.get(WorkerService).runtime;
    await Promise.all(runtime.projections.map((r) => r.caughtUpTo(head)));
    const after = await http
      .get('/admin/projections')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect((after.body.projections as View[]).find((p) => p.name === STREAM_STATS)).toMatchObject({
      checkpoint: head,
      behind: 0,
      catchingUp: false,
    });
    expect((await runtime.lag()).find((l) => l.name === STREAM_STATS)).toMatchObject({ head, behind: 0 });
  });
});
