import { createTestApp, TestApp } from '../../testing/test-app';
import { step, submitPublic } from '../complaints/complaints-e2e.helpers';

/**
 * The doors a review found open on the audit routes (issue 11, part 2), each closed by the
 * contexts' visibility declarations: blacklist information, returned tickets, process streams of
 * other cities, planned 暗访, complainant data for hospitals, and leaders' log-wide views.
 */
describe('audit routes go through the visibility declarations', () => {
  let t: TestApp;
  const BLACK = '黑名单理由-MK-BLACK-7';
  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const text = async (user: string, path: string) => JSON.stringify((await get(user, path)).body);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('never shows black-list entries or blacklist-class information to the listed hospital, inspectors or leaders', async () => {
    const H = 'hosp-a1-1';
    await t.http
      .post('/credit/archives')
      .set(t.auth('inspector-a1'))
      .send({ institutionId: H, name: '甲市第一人民医院', responsiblePerson: '院长甲' })
      .expect(201);
    await t.http
      .post(`/credit/archives/${H}/lists`)
      .set(t.auth('inspector-a1'))
      .send({ entryId: 'b-1', list: 'black', reason: BLACK, expiresAt: '2025-06-01T00:00:00.000Z' })
      .expect(201);
    await t.http
      .post(`/credit/archives/${H}/information`)
      .set(t.auth('inspector-a1'))
      .send({ infoClass: 'blacklist', kind: 'joint-discipline', title: BLACK, occurredAt: '2025-03-03T00:00:00.000Z' })
      .expect(201);
    await t.settle();
    for (const user of ['hospital-a1-1', 'inspector-a1', 'leader-prov', 'leader-city-a']) {
      for (const view of ['history', 'state', 'dossier']) {
        const res = await get(user, `/audit/cases/creditArchive-${H}/${view}`);
        expect([user, view, res.status]).toEqual([user, view, 200]);
        expect(res.text).not.toContain(BLACK);
        expect(res.text).not.toContain('b-1');
      }
      expect(await text(user, `/audit/cases/deadlineTimers-creditArchive-${H}/history`)).not.toContain('b-1');
    }
  });

  it('lets the hospital that holds a ticket read it, not the one it was returned from; hospitals never see the complainant', async () => {
    const ticket = await submitPublic(t, { identity: { name: '李四-MK-NAME', phone: '13900001111' } });
    await step(t, 'inspector-a1', ticket.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    await step(t, 'hospital-a1-1', ticket.ticketId, 'return', { reason: '非本院' });
    await step(t, 'inspector-a1', ticket.ticketId, 'dispatch', { institutionId: 'hosp-a1-2', complexity: 'simple' });
    await t.settle();
    const stream = `complaintTicket-${ticket.ticketId}`;
    expect((await get('hospital-a1-1', `/audit/cases/${stream}/history`)).status).toBe(403);
    const holder = await get('hospital-a1-2', `/audit/cases/${stream}/history`);
    expect(holder.status).toBe(200);
    const state = await get('hospital-a1-2', `/audit/cases/${stream}/state`);
    for (const body of [holder.text, state.text]) {
      for (const secret of ['李四', 'subjectId', 'identityCiphertext', 'secretHash', ticket.secret]) expect(body).not.toContain(secret);
    }
    // The returned-from hospital's own steps stay with it: the new holder does not read them either.
    expect(holder.text).not.toContain('非本院');
    expect((await get('inspector-b1', `/audit/cases/${stream}/history`)).status).toBe(403);
  });

  it('gives process streams the access of the case they serve', async () => {
    const ticket = await submitPublic(t);
    await step(t, 'inspector-a1', ticket.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    await t.settle();
    const timers = `deadlineTimers-complaintTicket-${ticket.ticketId}`;
    expect((await get('leader-city-a', `/audit/cases/${timers}/history`)).status).toBe(200);
    const other = await get('inspector-b1', `/audit/cases/${timers}/history`);
    expect(other.status).toBe(403);
  });

  it('keeps a planned unannounced visit unknown to the hospital it targets on every audit view', async () => {
    const planned = await t.http
      .post('/visits')
      .set(t.auth('inspector-a1'))
      .send({ kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: '2025-03-20', inspectorIds: ['inspector-a1'] });
    expect(planned.status).toBe(201);
    await t.settle();
    const stream = `visit-${String(planned.body.id)}`;
    for (const view of ['history', 'state', 'integrity', 'dossier']) {
      const res = await get('hospital-a1-1', `/audit/cases/${stream}/${view}`);
      expect([view, res.status]).toEqual([view, 404]);
      expect(res.text).not.toContain('2025-03-20');
    }
    expect((await get('inspector-a1', `/audit/cases/${stream}/history`)).status).toBe(200);
  });

  it("limits a city leader's access log and integrity report to their jurisdiction", async () => {
    const submitted = await t.http
      .post('/public/complaints')
      .send({ category: 'red-envelopes-kickbacks', description: '乙市的投诉', institutionId: 'hosp-b1-1' })
      .expect(201);
    const listed = await get('inspector-b1', '/complaints').expect(200);
    const ticket = (listed.body.items as { ticketCode: string; ticketId: string }[]).find(
      (i) => i.ticketCode === submitted.body.ticketCode,
    )!;
    await step(t, 'inspector-b1', ticket.ticketId, 'dispatch', { institutionId: 'hosp-b1-1', complexity: 'simple' });
    await get('leader-prov', `/audit/cases/complaintTicket-${ticket.ticketId}/history?purpose=MK-B-READ`).expect(200);
    await t.settle();
    const log = await get('leader-city-a', '/audit/access-log?limit=1000');
    expect(log.status).toBe(200);
    expect(log.text).not.toContain('MK-B-READ');
    expect(await text('leader-prov', '/audit/access-log?limit=1000')).toContain('MK-B-READ');
    const integrity = await get('leader-city-a', '/audit/integrity');
    expect(integrity.body).toMatchObject({ ok: true, scope: 'streams' });
    const streams = (integrity.body.perStream as { stream: string }[]).map((s) => s.stream);
    expect(streams).not.toContain(`complaintTicket-${ticket.ticketId}`);
    expect(streams.length).toBeGreaterThan(0);
  });
});
