import { Registry } from 'prom-client';
import { METRICS_REGISTRY, ShutdownState } from '@bihuan/app';
import { createTestApp, TestApp } from '../../testing/test-app';
import { HeldRequestModule, Latch } from './held-request.module';

const PLAN = { kind: 'routine', institutionId: 'hosp-b1-1', plannedDate: '2025-03-21' };

/** Lets queued callbacks run until `check` holds (a bounded number of turns, no clock). */
async function turnsUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!check()) throw new Error('condition never held');
}

describe('operations: liveness, readiness, metrics and the stop (issue 14, items 2 and 7)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({ extra: [{ module: HeldRequestModule }] });
  });

  afterEach(async () => {
    await t.close().catch(() => undefined);
  });

  it('answers live and ready, and reports command latency by type, projection lag and dead letters', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok', stopping: false });
    await t.http.get('/health/ready').expect(200);
    await t.http.get('/health').expect(200);
    await t.http.post('/visits').set(t.auth('inspector-b1')).send(PLAN).expect(201);
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(text).toMatch(/bihuan_command_duration_seconds_count\{category="visit",type="PlanVisit",source="request",result="ok"\} 1/);
    expect(text).toMatch(/bihuan_projection_lag_events\{kind="projection",runner="stream-stats"\} 0/);
    expect(text).toMatch(/bihuan_dead_letters 0/);
    expect(text).toMatch(/bihuan_stopping 0/);
  });

  it('once stopping: unready, still live, and refuses a new command with 503 + Retry-After, writing nothing', async () => {
    const before = (await t.store.readAll({})).length;
    t.app.get(ShutdownState).begin();
    const ready = await t.http.get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ code: 'SHUTTING_DOWN' });
    await t.http.get('/health').expect(503);
    await t.http.get('/health/live').expect(200, { status: 'ok', stopping: true });
    const refused = await t.http.post('/visits').set(t.auth('inspector-b1')).send(PLAN).expect(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toMatchObject({ statusCode: 503, code: 'SHUTTING_DOWN' });
    expect((await t.store.readAll({})).length).toBe(before);
  });

  it('finishes a command in flight on a running worker before the worker stops, then answers it 2xx', async () => {
    const latch = t.app.get(Latch);
    const registry = t.app.get<Registry>(METRICS_REGISTRY);
    const answer = t.http.post('/__held').then((res) => res);
    await latch.entered;
    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    const state = t.app.get(ShutdownState);
    await turnsUntil(() => state.stopping);
    expect([closed, state.inFlight]).toEqual([false, 1]);
    latch.release();
    const res = await answer;
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ stream: 'heldCase-1' });
    await closing;
    expect((await t.store.readStream('heldCase-1')).map((e) => e.type)).toEqual(['DeadlineSet']);
    // It waited for its read models on a live worker: the stop came after it, not under it.
    const lagging = await registry.getSingleMetric('bihuan_command_read_models_lagging_total')!.get();
    expect(lagging.values.reduce((sum, v) => sum + v.value, 0)).toBe(0);
  });
});
