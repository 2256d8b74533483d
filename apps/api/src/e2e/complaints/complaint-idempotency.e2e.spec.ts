import { createTestApp, TestApp } from '../../testing/test-app';
import { HOSPITAL, INSPECTOR, INSTITUTION, step } from './complaints-e2e.helpers';

/** Issue 11, part 5: a retried or doubled creation makes one ticket; a replay writes nothing. */
const staffBody = (description = 'Patient was charged twice for one CT scan') => ({
  channel: 'hotline',
  category: 'fees',
  description,
  institutionId: INSTITUTION,
});
const publicBody = { category: 'fees', description: 'Charged twice for one CT scan at the east gate', institutionId: INSTITUTION };

async function receivedCount(t: TestApp): Promise<number> {
  await t.settle();
  return (await t.store.readAll({ filter: { eventTypes: ['ComplaintReceived'] } })).length;
}

describe('complaints: Idempotency-Key on staff intake and steps', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const receive = (key: string | null, body: object = staffBody(), user = INSPECTOR) => {
    const r = t.http.post('/complaints').set(t.auth(user));
    return (key === null ? r : r.set('Idempotency-Key', key)).send(body);
  };

  it('a retry with the same key and body answers the original status and body and writes nothing', async () => {
    const first = await receive('retry-1');
    expect(first.status).toBe(201);
    await t.settle();
    const head = await t.store.headPosition();
    const again = await receive('retry-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    await t.settle();
    expect(await t.store.headPosition()).toBe(head);
  });

  it('the same key with another body is 422 IDEMPOTENCY.KEY_REUSED naming the header, and writes nothing', async () => {
    await receive('reuse-1').expect(201);
    await t.settle();
    const head = await t.store.headPosition();
    const res = await receive('reuse-1', staffBody('A different complaint'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', fields: [{ field: 'Idempotency-Key' }] });
    await t.settle();
    expect(await t.store.headPosition()).toBe(head);
  });

  it('a malformed key is 400 naming the header, and writes nothing', async () => {
    await t.settle();
    const head = await t.store.headPosition();
    for (const key of ['', '   ', 'k'.repeat(256), 'tab\there']) {
      const res = await receive(key);
      expect({ key, status: res.status, code: res.body.code, fields: res.body.fields }).toMatchObject({
        key,
        status: 400,
        code: 'IDEMPOTENCY.INVALID_KEY',
        fields: [{ field: 'Idempotency-Key' }],
      });
    }
    expect((await receive('k'.repeat(255))).status).toBe(201);
    await t.settle();
    expect(await t.store.headPosition()).toBe((head ?? 0) + 1);
  });

  it('20 concurrent POSTs with one key make exactly one ticket and 20 identical answers', async () => {
    const before = await receivedCount(t);
    const answers = await Promise.all(Array.from({ length: 20 }, () => receive('burst-1')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await receivedCount(t)).toBe(before + 1);
  });

  it('keys are per user: another user’s equal key is a request of its own', async () => {
    const mine = await receive('per-user-1').expect(201);
    const theirs = await receive('per-user-1', staffBody(), 'inspector-city-a');
    expect(theirs.status).toBe(201);
    expect(theirs.body.ticketId).not.toBe(mine.body.ticketId);
  });

  it('a failed request releases its key, so a corrected retry proceeds', async () => {
    const bad = await receive('fix-1', { ...staffBody(), institutionId: 'hosp-nowhere' });
    expect(bad.status).toBe(400);
    const fixed = await receive('fix-1');
    expect(fixed.status).toBe(201);
    expect((await receive('fix-1')).body).toEqual(fixed.body);
  });

  it('the OpenAPI declares the optional Idempotency-Key header on every POST', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }>;
    };
    const posts = Object.entries(doc.paths).filter(([, item]) => item.post);
    expect(posts.length).toBeGreaterThan(10);
    const missing = posts
      .filter(([, item]) => !item.post!.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('a retried step answers like the first instead of a 409', async () => {
    const ticketId = (await receive(null).expect(201)).body.ticketId as string;
    await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    const ack = () => t.http.post(`/complaints/${ticketId}/acknowledge`).set(t.auth(HOSPITAL)).set('Idempotency-Key', 'ack-1').send({});
    const first = await ack();
    expect(first.status).toBe(200);
    await t.settle();
    const head = await t.store.headPosition();
    const again = await ack();
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
    await t.settle();
    expect(await t.store.headPosition()).toBe(head);
  });
});

describe('complaints: identical public submissions from one client are folded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('10 concurrent identical submissions without a key make one ticket; everyone gets its code and secret', async () => {
    const before = await receivedCount(t);
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/public/complaints').send(publicBody)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body.secret).toEqual(expect.any(String));
    expect(await receivedCount(t)).toBe(before + 1);
  });

  it('a different submission is not folded; after the window an identical one is a new ticket', async () => {
    const other = { ...publicBody, description: 'Another matter: the pharmacy overcharged' };
    const first = await t.http.post('/public/complaints').send(other).expect(201);
    const sameSoon = await t.http.post('/public/complaints').send(other).expect(201);
    expect(sameSoon.body).toEqual(first.body);
    const different = await t.http
      .post('/public/complaints')
      .send({ ...other, category: 'service-attitude' })
      .expect(201);
    expect(different.body.ticketCode).not.toBe(first.body.ticketCode);
    t.clock.advance(10 * 60_000 + 1);
    const later = await t.http.post('/public/complaints').send(other).expect(201);
    expect(later.body.ticketCode).not.toBe(first.body.ticketCode);
  });

  it('a client cannot escape the fold with a made-up X-Forwarded-For (TRUST_PROXY unset)', async () => {
    const body = { ...publicBody, description: 'Forwarded-for trick about the canteen' };
    const first = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.1').send(body).expect(201);
    const second = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.2').send(body).expect(201);
    expect(second.body).toEqual(first.body);
  });

  it('with an Idempotency-Key header the key is honoured too (a new key on a double click still folds)', async () => {
    const body = { ...publicBody, description: 'Keyed submission about parking fees' };
    const first = await t.http.post('/public/complaints').set('Idempotency-Key', 'pub-1').send(body).expect(201);
    const otherKey = await t.http.post('/public/complaints').set('Idempotency-Key', 'pub-2').send(body).expect(201);
    expect(otherKey.body).toEqual(first.body);
    const reused = await t.http
      .post('/public/complaints')
      .set('Idempotency-Key', 'pub-1')
      .send({ ...body, category: 'service-attitude' });
    expect(reused.status).toBe(422);
  });
});

describe('public complaints: TRUST_PROXY and the fold window come from the validated configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    // supertest connects over loopback, so `loopback` makes the test client a trusted proxy.
    t = await createTestApp({ config: { trustProxy: ['loopback'], idempotency: { ttlHours: 24, foldWindowMinutes: 2, waitSeconds: 10 } } });
  });
  afterAll(() => t.close());

  it('behind a trusted proxy, X-Forwarded-For tells clients apart', async () => {
    const body = { ...publicBody, description: 'Two neighbours report the same broken lift' };
    const first = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.1').send(body).expect(201);
    const other = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.2').send(body).expect(201);
    expect(other.body.ticketCode).not.toBe(first.body.ticketCode);
    const same = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.1').send(body).expect(201);
    expect(same.body).toEqual(first.body);
  });

  it('folds identical submissions for IDEMPOTENCY_FOLD_WINDOW_MINUTES only', async () => {
    const body = { ...publicBody, description: 'Short fold window about the waiting room' };
    const first = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.9').send(body).expect(201);
    t.clock.advance(2 * 60_000 - 1);
    expect((await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.9').send(body).expect(201)).body).toEqual(first.body);
    t.clock.advance(2);
    const later = await t.http.post('/public/complaints').set('X-Forwarded-For', '203.0.113.9').send(body).expect(201);
    expect(later.body.ticketCode).not.toBe(first.body.ticketCode);
  });
});
