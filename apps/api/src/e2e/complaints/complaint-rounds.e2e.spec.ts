import { createTestApp, TestApp } from '../../testing/test-app';
import {
  detail,
  HOSPITAL,
  INSPECTOR,
  INSTITUTION,
  OTHER_HOSPITAL,
  publicStatus,
  step,
  submitPublic,
  toDecided,
} from './complaints-e2e.helpers';

describe('complaints: return, re-dispatch, reopen, decline, on the spot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a wrongly assigned ticket is returned with a reason and re-dispatched with fresh clocks from now', async () => {
    const s = await submitPublic(t);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await t.advanceTo('2025-03-04T02:00:00.000Z');
    const returned = await step(t, HOSPITAL, s.ticketId, 'return', { reason: 'The doctor named works at the TCM hospital' });
    expect(returned).toMatchObject({ status: 'received', events: ['ComplaintReturned', 'DeadlineCleared', 'DeadlineCleared'] });
    const back = await detail(t, INSPECTOR, s.ticketId);
    expect(back).toMatchObject({
      status: 'received',
      institutionId: null,
      returns: 1,
      lastReturnReason: 'The doctor named works at the TCM hospital',
    });
    // The first institution no longer sees it.
    await t.http.get(`/complaints/${s.ticketId}`).set(t.auth(HOSPITAL)).expect(403);

    await step(t, INSPECTOR, s.ticketId, 'dispatch', {
      institutionId: 'hosp-a1-2',
      complexity: 'complex',
      departmentIds: ['surgery', 'finance'],
    });
    const again = await detail(t, OTHER_HOSPITAL, s.ticketId);
    // Counted from the re-dispatch day (Tue 4th): acknowledge by Wed 5th, answer (complex, 10) by Tue 18th.
    expect(again).toMatchObject({
      status: 'dispatched',
      round: 2,
      institutionId: 'hosp-a1-2',
      acknowledgeDueAt: '2025-03-05T15:59:59.999Z',
      answerDueAt: '2025-03-18T15:59:59.999Z',
    });
    await step(t, OTHER_HOSPITAL, s.ticketId, 'acknowledge');
  });

  it('a dissatisfied rating judged valid reopens the ticket: a new round with a fresh answer clock', async () => {
    const s = await submitPublic(t);
    await toDecided(t, s.ticketId, 'partly-substantiated');
    await step(t, HOSPITAL, s.ticketId, 'answer', { answer: 'Partly true; we apologise.' });
    await t.http
      .post(`/public/complaints/${s.ticketCode}/rating`)
      .send({ secret: s.secret, rating: 'dissatisfied', comment: 'Nothing changed' })
      .expect(200);
    await t.http.post(`/complaints/${s.ticketId}/close`).set(t.auth(INSPECTOR)).send({}).expect(400);

    const reopened = await step(t, INSPECTOR, s.ticketId, 'reopen', { reason: 'The refund was never paid', complexity: 'simple' });
    expect(reopened).toMatchObject({ status: 'acknowledged', events: ['ComplaintReopened', 'DeadlineSet'] });
    expect(await publicStatus(t, s)).toMatchObject({ step: 'in-progress', answer: null, canRate: false });
    const d = await detail(t, INSPECTOR, s.ticketId);
    expect(d).toMatchObject({ round: 2, reopens: 1, rating: null, answeredAt: null });

    await step(t, HOSPITAL, s.ticketId, 'decision', {
      decision: 'substantiated',
      findings: 'Refund paid now',
      implicatedStaffId: 'staff-9',
    });
    await step(t, HOSPITAL, s.ticketId, 'answer', { answer: 'The refund has been paid.' });
    await step(t, INSPECTOR, s.ticketId, 'follow-up', { rating: 'basically-satisfied', comment: 'By phone' });
    await step(t, INSPECTOR, s.ticketId, 'close');
    expect(await detail(t, INSPECTOR, s.ticketId)).toMatchObject({ status: 'closed', rating: 'basically-satisfied' });
  });

  it('declines an out-of-scope complaint and resolves another on the spot', async () => {
    const a = await submitPublic(t);
    await step(t, INSPECTOR, a.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    const declined = await step(t, INSPECTOR, a.ticketId, 'decline', { ground: 'litigation', reason: 'Already before the court' });
    expect(declined).toMatchObject({ status: 'declined' });
    expect(await publicStatus(t, a)).toMatchObject({ step: 'declined', declineGround: 'litigation' });

    const window = await t.http
      .post('/complaints')
      .set(t.auth(INSPECTOR))
      .send({ channel: 'window', category: 'waiting', description: 'Waited three hours at registration' })
      .expect(201);
    expect(window.body).toMatchObject({ status: 'received', ticketCode: expect.any(String), secret: expect.any(String) });
    const spot = await step(t, INSPECTOR, window.body.ticketId, 'resolve-on-the-spot', {
      resolution: 'Explained the triage rules; accepted',
    });
    expect(spot).toMatchObject({ status: 'closed', events: ['ComplaintResolvedOnTheSpot', 'ComplaintClosed'] });
  });
});
