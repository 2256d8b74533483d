import { createTestApp, TestApp } from '../../testing/test-app';
import { submitPublic } from './complaints-e2e.helpers';

describe('complaints: the public entry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a wrong secret exactly like an unknown code: 404, revealing nothing', async () => {
    const s = await submitPublic(t);
    const wrong = await t.http.get(`/public/complaints/${s.ticketCode}`).set('X-Ticket-Secret', `${s.secret}x`);
    const unknown = await t.http.get('/public/complaints/ZZZZ-ZZZZ').set('X-Ticket-Secret', s.secret);
    const missing = await t.http.get(`/public/complaints/${s.ticketCode}`);
    for (const res of [wrong, unknown, missing]) {
      expect(res.status).toBe(404);
      // The portal's words (zh-CN by default), the same for all three: nothing tells them apart.
      expect(res.body).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', message: '投诉工单不存在，或工单编号与查询密码不匹配' });
    }
    await t.http.post(`/public/complaints/${s.ticketCode}/rating`).send({ secret: 'guess', rating: 'satisfied' }).expect(404);
    const ok = await t.http.post(`/public/complaints/${s.ticketCode}/status`).send({ secret: s.secret }).expect(200);
    expect(ok.body).toMatchObject({ ticketCode: s.ticketCode, step: 'received', canRate: false });
    // Rating before the answer is a conflict, not a new fact.
    const early = await t.http.post(`/public/complaints/${s.ticketCode}/rating`).send({ secret: s.secret, rating: 'satisfied' });
    expect(early.status).toBe(409);
  });

  it('is described in the OpenAPI document, without a secret in any URL', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(docs.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/public/complaints',
        '/public/complaints/{code}',
        '/public/complaints/{code}/rating',
        '/complaints/{id}/dispatch',
        '/complaints/statistics',
        '/admin/subjects/{subjectId}/erase',
      ]),
    );
    expect(paths.join(' ')).not.toMatch(/secret/i);
  });

  it('needs no token but still refuses staff routes without one', async () => {
    await t.http.get('/complaints').expect(401);
    await t.http.post('/complaints').send({ channel: 'window', category: 'fees', description: 'x' }).expect(401);
  });
});

describe('complaints: public rate limit', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env['COMPLAINTS_PUBLIC_RATE_BURST'] = '3';
    process.env['COMPLAINTS_PUBLIC_RATE_PER_MINUTE'] = '6';
    t = await createTestApp();
    process.env = saved;
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a client used its burst, and lets it in again after the refill', async () => {
    for (let i = 0; i < 3; i += 1) await t.http.get('/public/complaints/ZZZZ-ZZZZ').set('X-Ticket-Secret', 'x').expect(404);
    const head = await t.store.headPosition();
    const limited = await t.http.post('/public/complaints').send({ category: 'fees', description: 'Charged twice' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.headers['retry-after']).toBe('10');
    expect(await t.store.headPosition()).toBe(head);
    t.clock.advance(10_000);
    await t.http.post('/public/complaints').send({ category: 'fees', description: 'Charged twice' }).expect(201);
  });
});
