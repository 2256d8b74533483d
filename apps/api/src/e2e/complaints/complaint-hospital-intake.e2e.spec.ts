import { createTestApp, TestApp } from '../../testing/test-app';
import { detail, HOSPITAL, INSPECTOR, INSTITUTION, OTHER_HOSPITAL, step } from './complaints-e2e.helpers';

/** 首诉负责 at the hospital (issue 22): its complaint office receives at its own window and owns the ticket. */
describe('complaints: received at the hospital’s own window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const atWindow = async (body: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/complaints')
      .set(t.auth(HOSPITAL))
      .send({ channel: 'window', category: 'fees', description: '挂号处多收了诊查费', ...body });
    if (res.status !== 201) throw new Error(`window intake failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { ticketId: string; ticketCode: string; secret: string; status: string };
  };

  /** A refused request leaves the log as it was. */
  const refused = async (send: () => Promise<{ status: number; body: { code?: string } }>, status: number, code: string) => {
    const head = await t.store.headPosition();
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await t.store.headPosition()).toBe(head);
  };

  it('receives about itself, answers code and secret, and never shows the complainant back — not even to the office that typed it in', async () => {
    const received = await atWindow({ identity: { name: '李四', phone: '13900002222' } });
    expect(received).toMatchObject({ status: 'received', ticketCode: expect.any(String), secret: expect.any(String) });
    const d = await detail(t, HOSPITAL, received.ticketId);
    expect(d).toMatchObject({
      receivingUnit: INSTITUTION,
      receivedBy: INSTITUTION,
      concernedInstitutionId: INSTITUTION,
      channel: 'window',
    });
    expect(JSON.stringify(d)).not.toMatch(/李四|13900002222|subjectId|complainant/);
    await t.http.get(`/complaints/${received.ticketId}/complainant?purpose=x`).set(t.auth(HOSPITAL)).expect(403);
    // The commission of its county sees it in its lists (and the identity through the recorded read only).
    const commission = await detail(t, INSPECTOR, received.ticketId);
    expect(commission).toMatchObject({ receivingUnit: INSTITUTION, complainant: { kind: 'named' } });
  });

  it('refuses another institution, a channel that is the commission’s, and bad input — writing nothing', async () => {
    const post = (body: object) => () => t.http.post('/complaints').set(t.auth(HOSPITAL)).send(body);
    const base = { channel: 'window', category: 'fees', description: 'x' };
    await refused(post({ ...base, institutionId: 'hosp-a1-2' }), 403, 'AUTH.OUT_OF_SCOPE');
    await refused(post({ ...base, channel: '12345' }), 400, 'COMPLAINT.HOSPITAL_CHANNEL');
    await refused(post({ ...base, description: '' }), 400, 'VALIDATION');
  });

  it('resolves on the spot (当场办结) what it received; another hospital can neither read nor touch it', async () => {
    const { ticketId } = await atWindow();
    await t.http.get(`/complaints/${ticketId}`).set(t.auth(OTHER_HOSPITAL)).expect(403);
    await refused(
      () => t.http.post(`/complaints/${ticketId}/resolve-on-the-spot`).set(t.auth(OTHER_HOSPITAL)).send({ resolution: 'x' }),
      403,
      'COMPLAINT.NOT_ASSIGNED_INSTITUTION',
    );
    const done = await step(t, HOSPITAL, ticketId, 'resolve-on-the-spot', { resolution: '当场核实并退还多收费用' });
    expect(done).toMatchObject({ status: 'closed', events: ['ComplaintResolvedOnTheSpot', 'ComplaintClosed'] });
  });

  it('handles it itself (自行办理) on the usual clocks, follows up and closes it', async () => {
    const { ticketId } = await atWindow({ category: 'service-attitude', description: '分诊台态度生硬' });
    // Its own office's to-do (待办), not the commission's.
    const todos = async (user: string) =>
      ((await t.http.get('/me/todos').set(t.auth(user)).expect(200)).body.items as { caseId: string; kind: string }[])
        .filter((i) => i.caseId === ticketId)
        .map((i) => i.kind);
    expect(await todos(HOSPITAL)).toEqual(['complaint-dispatch']);
    expect(await todos(INSPECTOR)).toEqual([]);
    await refused(
      () =>
        t.http.post(`/complaints/${ticketId}/dispatch`).set(t.auth(HOSPITAL)).send({ institutionId: 'hosp-a1-2', complexity: 'simple' }),
      403,
      'AUTH.OUT_OF_SCOPE',
    );
    const dispatched = await step(t, HOSPITAL, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    expect(dispatched).toMatchObject({ status: 'dispatched', events: ['ComplaintDispatched', 'DeadlineSet', 'DeadlineSet'] });
    await step(t, HOSPITAL, ticketId, 'acknowledge');
    await step(t, HOSPITAL, ticketId, 'decision', { decision: 'partly-substantiated', findings: '已约谈分诊护士' });
    await step(t, HOSPITAL, ticketId, 'answer', { answer: '已向您致歉并整改' });
    expect(await todos(HOSPITAL)).toEqual(['complaint-follow-up']);
    expect(await todos(INSPECTOR)).toEqual([]);
    await step(t, HOSPITAL, ticketId, 'follow-up', { rating: 'satisfied' });
    expect(await step(t, HOSPITAL, ticketId, 'close')).toMatchObject({ status: 'closed' });
    const d = await detail(t, INSPECTOR, ticketId);
    expect(d).toMatchObject({ status: 'closed', institutionId: INSTITUTION, acknowledgedOnTime: true, answeredOnTime: true });
  });

  it('escalates to its commission (上报卫健委): the county’s queue as if received there, the hospital reading on but acting no more', async () => {
    const { ticketId } = await atWindow({ category: 'medical-ethics', description: '反映本院副院长收受红包' });
    await refused(() => t.http.post(`/complaints/${ticketId}/escalate`).set(t.auth(HOSPITAL)).send({ reason: '' }), 400, 'VALIDATION');
    await refused(
      () => t.http.post(`/complaints/${ticketId}/escalate`).set(t.auth(OTHER_HOSPITAL)).send({ reason: 'x' }),
      403,
      'COMPLAINT.NOT_ASSIGNED_INSTITUTION',
    );
    const up = await step(t, HOSPITAL, ticketId, 'escalate', { reason: '涉及本院领导，不宜自行处理' });
    expect(up).toMatchObject({ status: 'received', events: ['ComplaintEscalated'] });
    const queue = await t.http.get('/complaints?status=received').set(t.auth(INSPECTOR)).expect(200);
    const row = (queue.body.items as { ticketId: string; receivingUnit: string; receivedBy: string }[]).find(
      (i) => i.ticketId === ticketId,
    );
    expect(row).toMatchObject({ receivingUnit: 'county-a1', receivedBy: INSTITUTION });
    const seen = await detail(t, HOSPITAL, ticketId);
    expect(seen).toMatchObject({ status: 'received', escalationReason: '涉及本院领导，不宜自行处理' });
    expect(seen.history.map((h) => h.type)).toEqual(['ComplaintReceived', 'ComplaintEscalated']);
    await refused(
      () => t.http.post(`/complaints/${ticketId}/resolve-on-the-spot`).set(t.auth(HOSPITAL)).send({ resolution: 'x' }),
      403,
      'COMPLAINT.NOT_ASSIGNED_INSTITUTION',
    );
    await t.http.get(`/complaints/${ticketId}`).set(t.auth(OTHER_HOSPITAL)).expect(403);
    // The commission takes it from there like any ticket it received.
    await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'complex' });
    expect(await detail(t, HOSPITAL, ticketId)).toMatchObject({ status: 'dispatched', round: 1 });
  });

  it('counts what the hospitals received, and escalated, in the commission’s statistics', async () => {
    const stats = await t.http.get('/complaints/statistics?groupBy=none').set(t.auth(INSPECTOR)).expect(200);
    expect(stats.body.totals).toMatchObject({ receivedAtInstitutions: 4, escalated: 1 });
    await t.http.get('/complaints/statistics').set(t.auth(HOSPITAL)).expect(403);
  });
});
