import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * Issue 15, item 4: a command answers its log position in `Bihuan-Position`; a read that sends it
 * back in `Bihuan-Min-Position` sees the write, a malformed one is a 400 naming the header, and one
 * the read models are far from reaching is a 503 READ_MODEL_BEHIND with Retry-After, not a stale page.
 */
describe('read positions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const plan = { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2025-03-10' };

  it('answers the position of a write in a header and in the body, and a read at that position sees it', async () => {
    const created = await t.http.post('/visits').set(t.auth('inspector-a1')).send(plan).expect(201);
    expect(created.headers['bihuan-position']).toBe(String(created.body.position));
    const read = await t.http
      .get(`/visits/${created.body.id}`)
      .set(t.auth('inspector-a1'))
      .set('Bihuan-Min-Position', created.headers['bihuan-position'])
      .expect(200);
    expect(read.body.id ?? read.body.visitId).toBe(created.body.id);
  });

  it('refuses a position that is not a whole number, naming the header', async () => {
    for (const bad of ['-1', 'abc', '1.5', '9'.repeat(20)]) {
      const res = await t.http.get('/visits').set(t.auth('inspector-a1')).set('Bihuan-Min-Position', bad).expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'Bihuan-Min-Position', rule: 'isPosition' })]);
    }
  });

  it('answers 503 READ_MODEL_BEHIND with Retry-After for a position far beyond what the read models reached', async () => {
    const res = await t.http.get('/visits').set(t.auth('inspector-a1')).set('Bihuan-Min-Position', '900000000').expect(503);
    expect(res.body.code).toBe('READ_MODEL_BEHIND');
    expect(res.headers['retry-after']).toBe('1');
  });

  it('leaves requests without a position alone, and an unauthenticated read is refused before any wait', async () => {
    await t.http.get('/visits').set(t.auth('inspector-a1')).expect(200);
    await t.http.get('/visits').set('Bihuan-Min-Position', '900000000').expect(401);
  });
});
