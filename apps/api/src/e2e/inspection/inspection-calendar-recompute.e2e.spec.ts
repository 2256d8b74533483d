import { OFFICIAL_2027, PROVISIONAL } from '../../testing/official-2027.fixture';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from './inspection-steps';

type Entry = { type: string; data: Record<string, unknown>; occurredAt: string };
type Deadline = { deadlineId: string; dueAt: string; calendarVersion: string; provisional: boolean; status: string };

/**
 * Issue 12 across the year end, for inspection: a 15-working-day rectification deadline set on
 * Sunday 20 December 2026 counts into provisional 2027. The made-up official 2027 also gives
 * Monday 4 January off, so the imported year moves the deadline one working day later, and the
 * escalation ladder starts at the new due date, not at the old one.
 */
// Mon 21 – Thu 31 December: 9 working days; Fri 1 January off; 4–8 and 11 January: 6 more.
const PROVISIONAL_DUE = '2027-01-11T15:59:59.999Z';
const OFFICIAL_DUE = '2027-01-12T15:59:59.999Z';

describe('inspection: a rectification deadline across the year end is recomputed on import (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let finding: string;
  afterAll(() => t.close());

  const history = async (): Promise<Entry[]> => (await s.get('leader-prov', `/findings/${finding}/history?all=true`))['entries'] as Entry[];
  const rectify = async () => {
    const detail = await s.get('leader-prov', `/findings/${finding}`);
    return { detail, deadline: (detail['deadlines'] as Deadline[]).find((d) => d.deadlineId === 'rectify')! };
  };

  it('is set on the provisional calendar, and says so', async () => {
    t = await createTestApp({ start: '2026-12-20T02:00:00.000Z' }); // Sunday 20 December 2026, 10:00 Shanghai
    s = steps(t);
    finding = await s.finding(await s.visit());
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
    const { detail, deadline } = await rectify();
    expect(deadline).toMatchObject({
      dueAt: PROVISIONAL_DUE,
      calendarVersion: expect.stringMatching(PROVISIONAL),
      provisional: true,
      status: 'pending',
    });
    expect(detail['ledger']).toMatchObject({
      deadline: PROVISIONAL_DUE,
      deadlineProvisional: true,
      currentDueAt: PROVISIONAL_DUE,
      currentDueProvisional: true,
    });
  });

  it('is recomputed when the official year is imported through the admin API', async () => {
    await t.advanceTo('2026-12-28T02:00:00.000Z');
    const imported = await t.http.post('/admin/calendar/years').set(t.auth('admin')).send(OFFICIAL_2027).expect(201);
    await t.settle();
    const recomputed = (await history()).filter((e) => e.type === 'DeadlineRecomputed');
    expect(recomputed.map((e) => e.data)).toEqual([
      expect.objectContaining({
        deadlineId: 'rectify',
        previousDueAt: PROVISIONAL_DUE,
        dueAt: OFFICIAL_DUE,
        previousCalendarVersion: expect.stringMatching(PROVISIONAL),
        calendarVersion: imported.body.version,
        recomputedAt: '2026-12-28T02:00:00.000Z',
      }),
    ]);
    const { detail, deadline } = await rectify();
    expect(deadline).toMatchObject({ dueAt: OFFICIAL_DUE, calendarVersion: imported.body.version, provisional: false });
    expect(detail['ledger']).toMatchObject({
      deadline: OFFICIAL_DUE,
      deadlineProvisional: false,
      currentDueAt: OFFICIAL_DUE,
      currentDueProvisional: false,
    });
  });

  it('escalates at the new due date, not the old one', async () => {
    await t.advanceTo('2027-01-11T17:00:00.000Z'); // past the provisional due date
    expect((await history()).filter((e) => e.type === 'FindingEscalated' || e.type === 'DeadlineExpired')).toEqual([]);
    expect((await rectify()).detail).toMatchObject({ overdue: false });
    await t.advanceTo('2027-01-12T17:00:00.000Z');
    const entries = await history();
    expect(entries.filter((e) => e.type === 'DeadlineExpired').map((e) => e.data)).toEqual([
      expect.objectContaining({ deadlineId: 'rectify', dueAt: OFFICIAL_DUE }),
    ]);
    expect(
      entries.filter((e) => e.type === 'FindingEscalated').map((e) => [e.data['rung'], e.data['expiredDeadlineId'], e.occurredAt]),
    ).toEqual([['reminder-letter', 'rectify', OFFICIAL_DUE]]);
    expect((await rectify()).detail).toMatchObject({ overdue: true, rectification: { escalation: { rung: 'reminder-letter' } } });
  });
});
