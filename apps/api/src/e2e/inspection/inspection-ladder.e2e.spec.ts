import { SYSTEM_ACTOR } from '@bihuan/core';
import { FindingSender } from '@bihuan/inspection';
import { CommandExecution } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from './inspection-steps';

type Entry = { type: string; data: Record<string, unknown>; occurredAt: string };

/**
 * The overdue escalation ladder (三书一函 + 挂牌督办 / 通报), rung by rung: each rung is an event
 * with its own working-day deadline counted from the moment the previous one expired, and a late
 * or duplicated wake-up changes nothing.
 */
describe('inspection escalation ladder (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let finding: string;
  let sender: FindingSender;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    sender = new FindingSender(t.app.get(CommandExecution));
    finding = await s.finding(await s.visit());
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
  });
  afterAll(() => t.close());

  const escalations = async () => {
    const history = await s.get('leader-prov', `/findings/${finding}/history`);
    return (history['entries'] as Entry[]).filter((e) => e.type === 'FindingEscalated');
  };

  it('warns at 50% and 80% of the rectification deadline', async () => {
    await t.advanceTo('2025-03-21T00:00:00.000Z');
    const history = await s.get('leader-prov', `/findings/${finding}/history?all=true`);
    expect((history['entries'] as Entry[]).filter((e) => e.type === 'DeadlineWarned').map((e) => e.data['warnAt'])).toEqual([
      '2025-03-13T04:00:00.000Z',
      '2025-03-19T16:00:00.000Z',
    ]);
    expect(await escalations()).toEqual([]);
  });

  it('climbs one rung per expiry, each with its own working-day deadline, up to the public notice', async () => {
    await t.advanceTo('2025-03-25T00:00:00.000Z');
    expect((await escalations()).map((e) => e.data['rung'])).toEqual(['reminder-letter']);
    await t.advanceTo('2025-07-01T00:00:00.000Z');
    expect(
      (await escalations()).map((e) => [e.data['step'], e.data['rung'], e.data['expiredDeadlineId'], e.data['dueAt'], e.occurredAt]),
    ).toEqual([
      [1, 'reminder-letter', 'rectify', '2025-03-31T15:59:59.999Z', '2025-03-24T15:59:59.999Z'],
      [2, 'rectification-notice', 'escalation.reminder-letter', '2025-04-15T15:59:59.999Z', '2025-03-31T15:59:59.999Z'],
      [3, 'summons', 'escalation.rectification-notice', '2025-04-22T15:59:59.999Z', '2025-04-15T15:59:59.999Z'],
      // 10 working days after 22 April skip the May Day holiday (1–5 May) and count Sunday 27 April (调休).
      [4, 'listed-supervision', 'escalation.summons', '2025-05-08T15:59:59.999Z', '2025-04-22T15:59:59.999Z'],
      [5, 'public-notice', 'escalation.listed-supervision', null, '2025-05-08T15:59:59.999Z'],
    ]);
    const detail = await s.get('leader-prov', `/findings/${finding}`);
    const deadlines = detail['deadlines'] as { deadlineId: string; workingDays: number; status: string }[];
    expect(deadlines.map((d) => [d.deadlineId, d.workingDays, d.status])).toEqual([
      ['rectify', 15, 'expired'],
      ['escalation.reminder-letter', 5, 'expired'],
      ['escalation.rectification-notice', 10, 'expired'],
      ['escalation.summons', 5, 'expired'],
      ['escalation.listed-supervision', 10, 'expired'],
    ]);
    expect(detail).toMatchObject({ overdue: true, rectification: { escalation: { rung: 'public-notice', step: 5 } } });
    expect((await t.scheduler.pending()).filter((timer) => timer.id.includes(`finding-${finding}`))).toEqual([]);
  });

  it('ignores a late or duplicated wake-up: nothing is written', async () => {
    const head = await s.head();
    const stream = `finding-${finding}`;
    const metadata = (id: string) => ({
      commandId: id,
      correlationId: id,
      causationId: null,
      actor: SYSTEM_ACTOR,
      now: t.clock.now().toISOString(),
    });
    const late = await sender.send(stream, {
      type: 'ExpireDeadline',
      data: { deadlineId: 'rectify', dueAt: '2025-03-24T15:59:59.999Z' },
      metadata: metadata('late-1'),
    });
    const again = await sender.send(stream, {
      type: 'ExpireDeadline',
      data: { deadlineId: 'escalation.summons', dueAt: '2025-04-22T15:59:59.999Z' },
      metadata: metadata('dup-1'),
    });
    const warn = await sender.send(stream, {
      type: 'WarnDeadline',
      data: { deadlineId: 'rectify', warnAt: '2025-03-13T04:00:00.000Z', dueAt: '2025-03-24T15:59:59.999Z' },
      metadata: metadata('warn-1'),
    });
    expect([late.events, again.events, warn.events]).toEqual([[], [], []]);
    expect(await s.head()).toBe(head);
    expect(await escalations()).toHaveLength(5);
  });

  it('a sign-off after the ladder records the row as late, and clears nothing left armed', async () => {
    await s.post('hospital-a1-1', `/findings/${finding}/plan`, { measures: '整改' });
    const photo = await s.evidence('hospital-a1-1', finding);
    await s.post('hospital-a1-1', `/findings/${finding}/sign-off-request`, { summary: '完成', evidence: [photo] });
    await s.post('inspector-a1', `/findings/${finding}/sign-off`, {});
    const row = await s.get('leader-prov', `/findings/${finding}`);
    expect(row).toMatchObject({
      status: 'signedOff',
      overdue: false,
      ledger: { onTime: false, escalationRung: 'public-notice', signedOff: true },
    });
  });
});
