import { createTestApp, TestApp } from '../../testing/test-app';
import { detail, HOSPITAL, INSPECTOR, INSTITUTION, step, submitPublic } from './complaints-e2e.helpers';

const types = async (t: TestApp, ticketId: string): Promise<string[]> =>
  (await t.store.readStream(`complaintTicket-${ticketId}`)).map((e) => e.type);

describe('complaints: clocks, reminders, supervision and public notice', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('runs late by itself: reminder before the due date, 督办 after it, 通报 5 working days later', async () => {
    const s = await submitPublic(t);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');

    await t.advanceTo('2025-03-10T02:00:00.000Z'); // Mon 10th, the answer's last day
    expect(await types(t, s.ticketId)).toContain('ComplaintReminded');
    expect(await types(t, s.ticketId)).not.toContain('ComplaintSupervised');

    // The expiry timer fires at the (inclusive) due instant: 督办 starts then, with its own 5-working-day deadline.
    await t.advanceTo('2025-03-11T02:00:00.000Z');
    const supervised = await detail(t, INSPECTOR, s.ticketId);
    expect(supervised).toMatchObject({
      overdue: true,
      supervisedAt: '2025-03-10T15:59:59.999Z',
      supervisionDueAt: '2025-03-17T15:59:59.999Z',
    });
    const overdueList = await t.http.get('/complaints').query({ overdue: 'true' }).set(t.auth('leader-city-a')).expect(200);
    expect(overdueList.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([s.ticketId]);

    await t.advanceTo('2025-03-18T02:00:00.000Z'); // still open 5 working days after supervision → 通报
    const noticed = await detail(t, INSPECTOR, s.ticketId);
    expect(noticed.publiclyNoticedAt).toBe('2025-03-17T15:59:59.999Z');
    expect(noticed.history.map((h) => h.type)).toEqual(
      expect.arrayContaining(['ComplaintReminded', 'ComplaintSupervised', 'ComplaintPubliclyNoticed']),
    );
    // The timer itself is bookkeeping: folded away unless a leader or admin unfolds the history.
    expect(noticed.history.map((h) => h.type)).not.toContain('DeadlineExpired');
    const unfolded = await t.http.get(`/complaints/${s.ticketId}`).query({ all: 'true' }).set(t.auth('leader-city-a')).expect(200);
    expect(unfolded.body.history.map((h: { type: string }) => h.type)).toContain('DeadlineExpired');

    // A late answer is still taken, recorded as not on time.
    await step(t, HOSPITAL, s.ticketId, 'decision', { decision: 'not-substantiated', findings: 'No evidence found' });
    await step(t, HOSPITAL, s.ticketId, 'answer', { answer: 'We found no evidence, sorry for the delay.' });
    expect(await detail(t, INSPECTOR, s.ticketId)).toMatchObject({ answeredOnTime: false, overdue: false });
    const stats = await t.http.get('/complaints/statistics').query({ groupBy: 'none' }).set(t.auth('leader-prov')).expect(200);
    expect(stats.body.totals).toMatchObject({ supervised: 1, publiclyNoticed: 1, answer: { due: 1, onTime: 0, late: 1, onTimeRate: 0 } });
  });

  it('an answer during 督办 meets it: no 通报 follows', async () => {
    const s = await submitPublic(t);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    await t.advanceTo('2025-03-11T02:00:00.000Z');
    await step(t, HOSPITAL, s.ticketId, 'decision', { decision: 'not-substantiated', findings: 'No evidence found' });
    await step(t, HOSPITAL, s.ticketId, 'answer', { answer: 'Answered under supervision.' });
    await t.advanceTo('2025-03-25T02:00:00.000Z');
    expect(await types(t, s.ticketId)).not.toContain('ComplaintPubliclyNoticed');
  });

  it('stops the clock while waiting on the complainant and resumes with the working time left', async () => {
    const s = await submitPublic(t);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    // Wed 5th 09:00 Shanghai: the answer clock (Tue 4th 00:00 → Mon 10th 24:00) has used 1 day 9 hours.
    await t.advanceTo('2025-03-05T01:00:00.000Z');
    await step(t, HOSPITAL, s.ticketId, 'await-complainant', { reason: 'Need the date of the operation' });
    const paused = (await t.store.readStream(`complaintTicket-${s.ticketId}`)).find((e) => e.type === 'DeadlinePaused');
    expect((paused?.data as { remainingMs: number }).remainingMs).toBe((3 * 24 + 15) * 3600_000);
    const waiting = await t.http.get(`/public/complaints/${s.ticketCode}`).set('X-Ticket-Secret', s.secret).expect(200);
    expect(waiting.body.step).toBe('awaiting-your-reply');
    await t.http
      .post(`/complaints/${s.ticketId}/decision`)
      .set(t.auth(HOSPITAL))
      .send({ decision: 'not-substantiated', findings: 'x' })
      .expect(422);

    // The complainant answers through the public entry on Mon 17th 09:00: 3 days 15 hours of working time remain.
    await t.advanceTo('2025-03-17T01:00:00.000Z');
    await t.http.post(`/public/complaints/${s.ticketCode}/reply`).send({ secret: s.secret, note: 'It was on 28 February' }).expect(200);
    expect(await detail(t, INSPECTOR, s.ticketId)).toMatchObject({
      answerDueAt: '2025-03-20T15:59:59.999Z',
      waitingOnComplainant: false,
      overdue: false,
    });
  });

  it('extends the answer deadline on approval, and records a denial', async () => {
    const s = await submitPublic(t);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    await step(t, HOSPITAL, s.ticketId, 'extension-request', { reason: 'Waiting for the expert panel' });
    await t.http.post(`/complaints/${s.ticketId}/extension/approve`).set(t.auth(HOSPITAL)).send({ extraWorkingDays: 5 }).expect(403);
    await step(t, INSPECTOR, s.ticketId, 'extension/approve', { extraWorkingDays: 5 });
    expect(await detail(t, INSPECTOR, s.ticketId)).toMatchObject({ answerDueAt: '2025-03-17T15:59:59.999Z', extensionPending: false });
    await step(t, HOSPITAL, s.ticketId, 'extension-request', { reason: 'Panel postponed' });
    await step(t, 'leader-city-a', s.ticketId, 'extension/deny', { reason: 'Answer with what you have' });
    expect(await types(t, s.ticketId)).toEqual(
      expect.arrayContaining(['ComplaintExtensionApproved', 'DeadlineExtended', 'ComplaintExtensionDenied']),
    );
  });
});
