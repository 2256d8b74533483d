import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';
import { ErrorProbeModule } from './testing/error-probe.module';

describe('api app (forTest platform)', () => {
  let app: NestExpressApplication;
  let store: MemoryEventStore;

  beforeAll(async () => {
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    store = new MemoryEventStore(clock);
    const scheduler = new ManualTimerScheduler(clock);
    app = await createApp({
      platform: { store, scheduler, clock, ids: new SequentialIdGenerator('e2e') },
      extra: [{ module: ErrorProbeModule }],
    });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const http = () => request(app.getHttpServer());

  it('GET /health answers 200 with the store up', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { store: { status: 'up', kind: 'memory' } } });
  });

  it('GET /health answers 503 when the store cannot be reached', async () => {
    const ping = jest.spyOn(store, 'ping').mockRejectedValueOnce(new Error('disk gone'));
    const res = await http().get('/health').set('Accept-Language', 'en').expect(503);
    expect(res.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNHEALTHY',
      message: 'Unhealthy: store down',
      down: ['store'],
      details: { store: { status: 'down', message: 'disk gone' } },
    });
    ping.mockRestore();
  });

  it('serves the OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const json = await http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/health');
    const ui = await http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves Prometheus metrics', async () => {
    const res = await http().get('/metrics').expect(200);
    expect(res.text).toContain('bihuan_process_cpu_user_seconds_total');
  });

  it('answers malformed JSON with 400 naming the problem', async () => {
    const res = await http()
      .post('/__probe/dto')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'en')
      .send('{"institutionId": ')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'MALFORMED_JSON' });
    expect(res.body.message).toMatch(/^Malformed JSON in request body: .+/);
  });

  it('answers an oversized body with 413 and the limit', async () => {
    const big = JSON.stringify({ institutionId: 'x'.repeat(300 * 1024), rows: 1 });
    const res = await http()
      .post('/__probe/dto')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'en')
      .send(big)
      .expect(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body is larger than the limit of 256kb',
    });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await http().get('/no/such/route').set('Accept-Language', 'en').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Cannot GET /no/such/route' });
  });

  it('validates DTOs: fields and rules listed, unknown properties refused, values transformed', async () => {
    const bad = await http().post('/__probe/dto').set('Accept-Language', 'en').send({ institutionId: '', rows: 0, extra: 1 }).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION' });
    expect(bad.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'institutionId', rule: 'isNotEmpty', message: 'institutionId should not be empty' },
        { field: 'rows', rule: 'min', message: 'rows must not be less than 1' },
        { field: 'extra', rule: 'whitelistValidation', message: 'property extra should not exist' },
      ]),
    );
    const ok = await http().post('/__probe/dto').send({ institutionId: 'h-1', rows: 2 }).expect(201);
    expect(ok.body).toEqual({ received: { institutionId: 'h-1', rows: 2 }, isDto: true });
  });

  it.each([
    ['validation', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rule', 422],
  ])('maps DomainError kind %s to %i with its stable code', async (kind, status) => {
    const res = await http().get(`/__probe/domain/${kind}`).set('Accept-Language', 'en').expect(status);
    expect(res.body).toMatchObject({ statusCode: status, code: `PROBE.${kind.toUpperCase()}`, message: `probe ${kind}` });
    if (kind === 'validation')
      expect(res.body.fields).toEqual([{ field: 'institutionId', rule: 'PROBE.VALIDATION', message: 'probe validation' }]);
  });

  it('maps a WrongExpectedRevisionError to 409', async () => {
    const res = await http().get('/__probe/conflict').expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'STORE.WRONG_EXPECTED_REVISION' });
  });

  it('hides unexpected errors behind a 500 without internals', async () => {
    const res = await http().get('/__probe/crash').set('Accept-Language', 'en').expect(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL', message: 'Internal server error' });
  });

  it("echoes a request id, taking the caller's when it is safe", async () => {
    const given = await http().get('/health').set('x-request-id', 'req-123').expect(200);
    expect(given.headers['x-request-id']).toBe('req-123');
    const fresh = await http().get('/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
