import { RecordedEvent } from '@bihuan/event-store';
import { OFFICIAL_2027, PROVISIONAL } from '../../testing/official-2027.fixture';
import { createTestApp, TestApp } from '../../testing/test-app';
import { detail, HOSPITAL, INSPECTOR, INSTITUTION, publicStatus, step, Submitted, submitPublic } from './complaints-e2e.helpers';

async function deadlineEvents(t: TestApp, ticketId: string, type: string): Promise<RecordedEvent[]> {
  return (await t.store.readStream(`complaintTicket-${ticketId}`)).filter((e) => e.type === type);
}

async function dispatched(t: TestApp, acknowledge: boolean): Promise<Submitted> {
  const submitted = await submitPublic(t);
  await step(t, INSPECTOR, submitted.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
  if (acknowledge) await step(t, HOSPITAL, submitted.ticketId, 'acknowledge');
  return submitted;
}

/** Whether ticket detail, list row and the complainant's status page say the answer date is provisional (all three must agree). */
async function answerDueProvisional(t: TestApp, s: Submitted): Promise<boolean> {
  const shown = (await detail(t, INSPECTOR, s.ticketId))['answerDueProvisional'];
  const list = await t.http.get('/complaints').query({ pageSize: 100 }).set(t.auth(INSPECTOR)).expect(200);
  const row = (list.body.items as { ticketId: string; answerDueProvisional: boolean }[]).find((i) => i.ticketId === s.ticketId);
  const status = await publicStatus(t, s);
  expect([row?.answerDueProvisional, status['answerDueProvisional']]).toEqual([shown, shown]);
  return shown as boolean;
}

/** The calendar outlook as /health, GET /admin/calendar and /metrics report it. */
async function outlook(t: TestApp): Promise<{ missing: boolean; current: boolean; pending: Record<string, number>; metrics: string }> {
  const health = await t.http.get('/health').expect(200);
  const admin = await t.http.get('/admin/calendar').set(t.auth('admin')).expect(200);
  expect(health.body.details.calendar).toEqual({ status: 'up', ...admin.body.outlook });
  const metrics = await t.http.get('/metrics').expect(200);
  return {
    missing: admin.body.outlook.nextYearMissing,
    current: admin.body.outlook.currentYearMissing,
    pending: admin.body.outlook.provisionalPending,
    metrics: metrics.text,
  };
}

describe('operators are told ahead (issue 12, part 4)', () => {
  it('before 1 November nothing is missing; from 2 November 2026 next year is missing until it is imported', async () => {
    const t = await createTestApp({ start: '2026-10-31T15:59:00.000Z', config: { metrics: 'public' } });
    try {
      expect((await outlook(t)).missing).toBe(false);
      t.clock.set('2026-11-02T02:00:00.000Z');
      const missing = await outlook(t);
      expect(missing.missing).toBe(true);
      expect(missing.metrics).toMatch(/^bihuan_calendar_next_year_missing 1$/m);
      await t.http.post('/admin/calendar/years').set(t.auth('admin')).send(OFFICIAL_2027).expect(201);
      const imported = await outlook(t);
      expect(imported.missing).toBe(false);
      expect(imported.metrics).toMatch(/^bihuan_calendar_next_year_missing 0$/m);
    } finally {
      await t.close();
    }
  });
});

/**
 * Issue 12, part 3, end to end with time skipping: answer deadlines computed on provisional 2027
 * are recomputed when the official year is imported through the admin API. The made-up official
 * 2027 gives Monday 4 January off as well (the rules alone know only 1 January), so every deadline
 * counting over it falls due one working day later.
 */
describe('complaint deadlines recomputed when the official year is imported', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('moves pending and resumed clocks to the official calendar, keeps a paused clock’s used time, leaves an expired one alone, once', async () => {
    t = await createTestApp({ start: '2026-12-28T02:00:00.000Z', config: { metrics: 'public' } }); // Monday 28 December 2026, 10:00 Shanghai
    const sa = await dispatched(t, true); // answer: 5 working days → Tue 5 Jan (provisional)
    const a = sa.ticketId;
    const sb = await dispatched(t, true); // paused Tue 10:00 and resumed Wed 10:00
    const b = sb.ticketId;
    const d = (await dispatched(t, true)).ticketId; // paused Tue 10:00, still paused at the import
    const e = (await dispatched(t, true)).ticketId; // extended by 3 working days: Tue 5 → Fri 8 Jan (provisional)
    await step(t, HOSPITAL, e, 'extension-request', { reason: 'Waiting for the expert panel' });
    await step(t, INSPECTOR, e, 'extension/approve', { extraWorkingDays: 3 });
    await t.advanceTo('2026-12-29T02:00:00.000Z');
    await step(t, HOSPITAL, b, 'await-complainant', { reason: 'Need the date of the operation' });
    await step(t, HOSPITAL, d, 'await-complainant', { reason: 'Need the date of the operation' });
    await t.advanceTo('2026-12-30T02:00:00.000Z');
    await t.http.post(`/public/complaints/${sb.ticketCode}/reply`).send({ secret: sb.secret, note: 'It was on 28 February' }).expect(200);
    await t.advanceTo('2026-12-31T02:00:00.000Z');
    const c = (await dispatched(t, false)).ticketId; // acknowledge: 1 working day → Mon 4 Jan (provisional), left to expire

    const [setA] = await deadlineEvents(t, a, 'DeadlineSet').then((es) =>
      es.filter((e) => (e.data as { deadlineId: string }).deadlineId.startsWith('answer')),
    );
    expect(setA!.data).toMatchObject({ dueAt: '2027-01-05T15:59:59.999Z', calendarVersion: expect.stringMatching(PROVISIONAL) });
    expect(await answerDueProvisional(t, sa)).toBe(true);
    expect(await detail(t, INSPECTOR, a)).toMatchObject({ answerDueAt: '2027-01-05T15:59:59.999Z', acknowledgeDueProvisional: false }); // acknowledged: due Tue 29 Dec
    const [resumedB] = await deadlineEvents(t, b, 'DeadlineResumed');
    expect(resumedB!.data).toMatchObject({ dueAt: '2027-01-06T15:59:59.999Z', calendarVersion: expect.stringMatching(PROVISIONAL) });

    // Tue 5 Jan 01:00: C's acknowledgement expired on the provisional calendar; then the notice is imported.
    await t.advanceTo('2027-01-04T17:00:00.000Z');
    expect(await deadlineEvents(t, c, 'DeadlineExpired')).toHaveLength(1);
    const before = await outlook(t);
    expect(before).toMatchObject({ missing: false, current: true, pending: { '2027': 5 } }); // the answers of A, B, D (paused), E and C; C's expired acknowledgement is gone
    expect(before.metrics).toMatch(/^bihuan_calendar_current_year_missing 1$/m);
    expect(before.metrics).toMatch(/^bihuan_deadlines_provisional_pending\{year="2027"\} 5$/m);
    const imported = await t.http.post('/admin/calendar/years').set(t.auth('admin')).send(OFFICIAL_2027).expect(201);
    const official = imported.body.version as string;
    await t.settle();

    const [recA] = await deadlineEvents(t, a, 'DeadlineRecomputed');
    expect(recA!.data).toMatchObject({
      deadlineId: expect.stringMatching(/^answer/),
      previousDueAt: '2027-01-05T15:59:59.999Z',
      dueAt: '2027-01-06T15:59:59.999Z',
      previousCalendarVersion: expect.stringMatching(PROVISIONAL),
      calendarVersion: official,
      recomputedAt: '2027-01-04T17:00:00.000Z',
      remainingMs: null,
    });
    expect(await answerDueProvisional(t, sa)).toBe(false);
    expect(await detail(t, INSPECTOR, a)).toMatchObject({ answerDueAt: '2027-01-06T15:59:59.999Z' });
    // B resumed Wed 30 Dec 10:00 with 110 h left (10 h used on Tue): 14 h Wed, Thu, then Tue 5 – Thu 7 Jan.
    const [recB] = await deadlineEvents(t, b, 'DeadlineRecomputed');
    expect(recB!.data).toMatchObject({
      previousDueAt: '2027-01-06T15:59:59.999Z',
      dueAt: '2027-01-07T15:59:59.999Z',
      calendarVersion: official,
    });
    // D is still paused: its used time (10 h) is kept, its version is official, nothing is armed.
    const [recD] = await deadlineEvents(t, d, 'DeadlineRecomputed');
    expect(recD!.data).toMatchObject({ remainingMs: 110 * 3_600_000, calendarVersion: official });
    expect((await t.scheduler.pending()).map((p) => p.id).filter((id) => id.includes(d))).toEqual([]);
    // E: its own 5 days now end Wed 6 Jan, and the 3 days granted run Thu 7, Fri 8, Mon 11 Jan.
    const [extendedE] = await deadlineEvents(t, e, 'DeadlineExtended');
    expect(extendedE!.data).toMatchObject({
      dueAt: '2027-01-08T15:59:59.999Z',
      extraWorkingDays: 3,
      calendarVersion: expect.stringMatching(PROVISIONAL),
    });
    const [recE] = await deadlineEvents(t, e, 'DeadlineRecomputed');
    expect(recE!.data).toMatchObject({
      previousDueAt: '2027-01-08T15:59:59.999Z',
      dueAt: '2027-01-11T15:59:59.999Z',
      calendarVersion: official,
      remainingMs: null,
    });
    // C's expired acknowledgement is not rewritten (its pending answer deadline is recomputed).
    const recC = (await deadlineEvents(t, c, 'DeadlineRecomputed')).map((e) => (e.data as { deadlineId: string }).deadlineId);
    expect(recC.some((id) => id.startsWith('acknowledge'))).toBe(false);

    const after = await outlook(t);
    expect(after).toMatchObject({ missing: false, current: false, pending: {} });
    expect(after.metrics).toMatch(/^bihuan_calendar_current_year_missing 0$/m);
    expect(after.metrics).not.toMatch(/^bihuan_deadlines_provisional_pending\{/m);

    // Timers re-armed: A does not expire at the old dueAt, it does at the new one.
    await t.advanceTo('2027-01-05T17:00:00.000Z');
    expect(await deadlineEvents(t, a, 'DeadlineExpired')).toHaveLength(0);
    await t.advanceTo('2027-01-06T17:00:00.000Z');
    expect((await deadlineEvents(t, a, 'DeadlineExpired')).map((e) => e.data)).toEqual([
      expect.objectContaining({ dueAt: '2027-01-06T15:59:59.999Z' }),
    ]);

    // The same import again recomputes nothing.
    const recomputed = (await t.store.readAll()).filter((e) => e.type === 'DeadlineRecomputed').length;
    await t.http.post('/admin/calendar/years').set(t.auth('admin')).send(OFFICIAL_2027);
    await t.settle();
    expect((await t.store.readAll()).filter((e) => e.type === 'DeadlineRecomputed')).toHaveLength(recomputed);
  });
});
