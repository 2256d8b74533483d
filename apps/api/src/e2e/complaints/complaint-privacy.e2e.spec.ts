import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { verifyStore } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';
import { detail, HOSPITAL, INSPECTOR, step, submitPublic } from './complaints-e2e.helpers';

const IDENTITY = { name: '李四', phone: '13812345678' };

describe('complaints: the complainant’s identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps only a subject id and SM4 ciphertext in the log, and never shows the identity to the institution', async () => {
    const s = await submitPublic(t, { identity: IDENTITY });
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    const [received] = await t.store.readStream(`complaintTicket-${s.ticketId}`);
    const complainant = (received!.data as { complainant: { kind: string; subjectId: string; identityCiphertext: string } }).complainant;
    expect(complainant).toMatchObject({
      kind: 'named',
      subjectId: expect.any(String),
      identityCiphertext: expect.stringMatching(/^sm4cbc-hmacsm3:v1:/),
    });
    expect(JSON.stringify(received)).not.toMatch(/李四|13812345678/);
    expect((received!.data as { secretHash: string }).secretHash).not.toContain(s.secret);

    const seenByHospital = JSON.stringify([
      (await t.http.get('/complaints').set(t.auth(HOSPITAL)).expect(200)).body,
      await detail(t, HOSPITAL, s.ticketId),
    ]);
    expect(seenByHospital).toContain(s.ticketId);
    expect(seenByHospital).not.toMatch(/李四|13812345678|sm4cbc|subj-|complainant|named/);
    const denied = await t.http.get(`/complaints/${s.ticketId}/complainant`).query({ purpose: 'curiosity' }).set(t.auth(HOSPITAL));
    expect(denied.status).toBe(403);

    // Commission staff see it only by asking, and every read is recorded.
    expect((await detail(t, INSPECTOR, s.ticketId)).complainant).toEqual({ kind: 'named', subjectId: complainant.subjectId });
    const log = t.app.get<AccessLog>(ACCESS_LOG);
    const before = (await log.list({ subjectId: complainant.subjectId })).length;
    const shown = await t.http
      .get(`/complaints/${s.ticketId}/complainant`)
      .query({ purpose: 'call back about the refund' })
      .set(t.auth(INSPECTOR))
      .expect(200);
    expect(shown.body).toEqual({ kind: 'named', subjectId: complainant.subjectId, erased: false, identity: IDENTITY });
    const entries = await log.list({ subjectId: complainant.subjectId });
    expect(entries).toHaveLength(before + 1);
    expect(entries[entries.length - 1]).toMatchObject({
      action: 'reveal',
      outcome: 'granted',
      reader: { id: INSPECTOR },
      purpose: 'call back about the refund',
    });
    await t.http.get(`/complaints/${s.ticketId}/complainant`).set(t.auth(INSPECTOR)).expect(400); // purpose required
    await t.http.get(`/complaints/${s.ticketId}/complainant`).query({ purpose: 'x' }).set(t.auth('inspector-b1')).expect(403); // other county
  });

  it('an anonymous ticket carries no subject; its institution sees nothing of the complainant either', async () => {
    const s = await submitPublic(t, { category: 'service-attitude', description: 'The nurse shouted at my mother' });
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    const [received] = await t.store.readStream(`complaintTicket-${s.ticketId}`);
    expect((received!.data as { complainant: unknown }).complainant).toEqual({ kind: 'anonymous' });
    expect(JSON.stringify(await detail(t, HOSPITAL, s.ticketId))).not.toMatch(/complainant|anonymous|subj-/);
    const shown = await t.http
      .get(`/complaints/${s.ticketId}/complainant`)
      .query({ purpose: 'follow-up call' })
      .set(t.auth(INSPECTOR))
      .expect(200);
    expect(shown.body).toEqual({ kind: 'anonymous' });
  });

  it('erasing the subject (admin API) makes the identity read as erased, and the log still verifies', async () => {
    const s = await submitPublic(t, { identity: { name: '王五', email: 'wang@example.cn' } });
    const subjectId = ((await detail(t, INSPECTOR, s.ticketId)).complainant as { subjectId: string }).subjectId;
    const head = await t.store.headPosition();

    await t.http.post(`/admin/subjects/${subjectId}/erase`).set(t.auth('admin')).send({}).expect(400); // reason required
    await t.http.post(`/admin/subjects/${subjectId}/erase`).set(t.auth(INSPECTOR)).send({ reason: 'x' }).expect(403);
    const erased = await t.http
      .post(`/admin/subjects/${subjectId}/erase`)
      .set(t.auth('admin'))
      .send({ reason: 'Request 2025-017 by the person' })
      .expect(200);
    expect(erased.body).toMatchObject({ subjectId, outcome: 'erased' });
    const again = await t.http.post(`/admin/subjects/${subjectId}/erase`).set(t.auth('admin')).send({ reason: 'retry' }).expect(200);
    expect(again.body.outcome).toBe('already-erased');

    const shown = await t.http
      .get(`/complaints/${s.ticketId}/complainant`)
      .query({ purpose: 'check' })
      .set(t.auth('leader-prov'))
      .expect(200);
    expect(shown.body).toEqual({ kind: 'named', subjectId, erased: true });
    expect(await t.store.headPosition()).toBe(head); // the log was not touched …
    expect((await verifyStore(t.store)).ok).toBe(true); // … and still verifies
    expect((await detail(t, INSPECTOR, s.ticketId)).status).toBe('received'); // the ticket itself lives on
  });
});
