import { createTestApp, TestApp } from '../../testing/test-app';
import { HOSPITAL, INSPECTOR, INSTITUTION, OTHER_HOSPITAL, step, submitPublic } from './complaints-e2e.helpers';

describe('complaints: bad input is refused with a clear 4xx and nothing is written', () => {
  let t: TestApp;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ticketId = (await submitPublic(t)).ticketId;
    await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
  });
  afterAll(() => t.close());

  const fields = (body: { fields?: { field: string }[] }): string[] => (body.fields ?? []).map((f) => f.field);

  async function unchanged(
    request: () => Promise<{ status: number; body: { code?: string; fields?: { field: string }[] } }>,
  ): Promise<{ status: number; code?: string; fields: string[] }> {
    await t.settle();
    const head = await t.store.headPosition();
    const res = await request();
    await t.settle();
    expect(await t.store.headPosition()).toBe(head);
    return { status: res.status, code: res.body.code, fields: fields(res.body) };
  }

  it('empty or whitespace-only text', async () => {
    const empty = await unchanged(() => t.http.post('/public/complaints').send({ category: 'fees', description: '' }));
    expect(empty).toMatchObject({ status: 400, code: 'VALIDATION', fields: ['description'] });
    const blank = await unchanged(() => t.http.post(`/complaints/${ticketId}/return`).set(t.auth(HOSPITAL)).send({ reason: '   ' }));
    expect(blank).toMatchObject({ status: 400, code: 'COMPLAINT.FIELD_REQUIRED', fields: ['reason'] });
  });

  it('unknown institution, category, extra fields, over-long text, malformed identity or JSON', async () => {
    expect(
      await unchanged(() => t.http.post('/public/complaints').send({ category: 'fees', description: 'x', institutionId: 'hosp-nowhere' })),
    ).toMatchObject({
      status: 400,
      code: 'AUTH.UNKNOWN_INSTITUTION',
      fields: ['institutionId'],
    });
    const receivedId = (await submitPublic(t)).ticketId;
    expect(
      await unchanged(() =>
        t.http
          .post(`/complaints/${receivedId}/dispatch`)
          .set(t.auth(INSPECTOR))
          .send({ institutionId: 'hosp-nowhere', complexity: 'simple' }),
      ),
    ).toMatchObject({
      status: 400,
      code: 'AUTH.UNKNOWN_INSTITUTION',
      fields: ['institutionId'],
    });
    expect(
      (await unchanged(() => t.http.post('/public/complaints').send({ category: 'gossip', description: 'x', admin: true }))).fields.sort(),
    ).toEqual(['admin', 'category']);
    expect(
      (await unchanged(() => t.http.post('/public/complaints').send({ category: 'fees', description: 'x'.repeat(3001) }))).fields,
    ).toEqual(['description']);
    expect(
      (
        await unchanged(() =>
          t.http.post('/public/complaints').send({ category: 'fees', description: 'x', identity: { phone: 'call me' } }),
        )
      ).fields,
    ).toEqual(['identity.phone']);
    const malformed = await unchanged(() =>
      t.http.post('/public/complaints').set('Content-Type', 'application/json').send('{"category": "fees",'),
    );
    expect(malformed).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('a 1 MB body', async () => {
    const huge = await unchanged(() => t.http.post('/public/complaints').send({ category: 'fees', description: 'x'.repeat(1024 * 1024) }));
    expect(huge).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('a hospital acting on another hospital’s ticket gets 403 and learns nothing', async () => {
    for (const [path, body] of [
      ['acknowledge', {}],
      ['return', { reason: 'not ours' }],
      ['decision', { decision: 'not-substantiated', findings: 'x' }],
    ] as const) {
      const res = await unchanged(() => t.http.post(`/complaints/${ticketId}/${path}`).set(t.auth(OTHER_HOSPITAL)).send(body));
      expect(res).toMatchObject({ status: 403, code: 'COMPLAINT.NOT_ASSIGNED_INSTITUTION' });
    }
    expect((await t.http.get(`/complaints/${ticketId}`).set(t.auth(OTHER_HOSPITAL))).status).toBe(403);
    expect((await t.http.get('/complaints').set(t.auth(OTHER_HOSPITAL))).body).toEqual({ items: [], nextCursor: null });
    expect(
      await unchanged(() =>
        t.http.post(`/complaints/${ticketId}/dispatch`).set(t.auth(HOSPITAL)).send({ institutionId: INSTITUTION, complexity: 'simple' }),
      ),
    ).toMatchObject({
      status: 403,
      code: 'COMPLAINT.NOT_TICKET_OWNER',
    });
    expect(
      await unchanged(() => t.http.post(`/complaints/${ticketId}/supervise`).set(t.auth('inspector-b1')).send({ reason: 'x' })),
    ).toMatchObject({
      status: 403,
      code: 'AUTH.OUT_OF_SCOPE',
    });
    expect(await unchanged(() => t.http.post('/complaints/no-such-ticket/acknowledge').set(t.auth(HOSPITAL)).send({}))).toMatchObject({
      status: 404,
      code: 'COMPLAINT.NOT_FOUND',
    });
  });

  it('a step out of order is a 409 naming the status', async () => {
    const res = await unchanged(() => t.http.post(`/complaints/${ticketId}/answer`).set(t.auth(HOSPITAL)).send({ answer: 'Too early' }));
    expect(res).toMatchObject({ status: 409, code: 'COMPLAINT.INVALID_TRANSITION' });
  });
});
