import { ManualTimerScheduler, TimerSpec } from '@bihuan/timers';
import { FakeClock } from '@bihuan/testing';
import { PendingDeadline } from './pending-deadlines';
import { timerSpecsOf } from './rearm-pending-deadlines';
import { TimerReconciler } from './timer-reconciler';
import { expireTimerId, warnTimerId } from '../workflows/deadline-timer-ids';

const DUE = '2025-03-10T01:00:00.000Z';
const WARN = '2025-03-07T01:00:00.000Z';

function row(stream: string, overrides: Partial<PendingDeadline> = {}): PendingDeadline {
  return {
    stream,
    deadlineId: 'answer',
    purpose: 'answer',
    status: 'pending',
    dueAt: DUE,
    warnAt: [WARN],
    warned: [],
    calendarVersion: 'test',
    correlationId: `corr-${stream}`,
    causationId: `set-${stream}`,
    ...overrides,
  };
}

describe('TimerReconciler', () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  let scheduler: ManualTimerScheduler;
  let rows: PendingDeadline[];
  let warnings: string[];
  let settles: number;
  /** Runs while the reconciler waits for the read model: what changed in the meantime. */
  let duringSettle: () => Promise<void>;
  let reconciler: TimerReconciler;

  beforeEach(async () => {
    scheduler = new ManualTimerScheduler(clock);
    rows = [row('case-1'), row('case-2', { warnAt: [] }), row('case-3', { status: 'paused' })];
    await scheduler.scheduleMany(timerSpecsOf(rows));
    warnings = [];
    settles = 0;
    duringSettle = async () => undefined;
    reconciler = new TimerReconciler({
      source: { pending: () => rows },
      scheduler,
      clock,
      intervalMs: 10,
      settle: async () => {
        settles += 1;
        await duringSettle();
      },
      warn: (message) => warnings.push(message),
      random: () => 0,
    });
  });
  afterEach(() => reconciler.stop());

  const pendingIds = async (): Promise<string[]> => (await scheduler.pending()).map((t: TimerSpec) => t.id).sort();

  it('changes nothing and waits for nothing when every pending deadline has its timers', async () => {
    expect(await reconciler.reconcile()).toBe(0);
    expect(settles).toBe(0);
    expect(warnings).toEqual([]);
    expect(reconciler.status()).toEqual({
      backend: 'manual',
      pendingDeadlines: 3,
      expectedTimers: 3, // case-1 expiry + warning, case-2 expiry; the paused case-3 needs none
      armedTimers: 3,
      missing: 0,
      repairsTotal: 0,
      lastReconciledAt: '2025-03-03T01:00:00.000Z',
    });
  });

  it('re-arms exactly the lost timers, with the deadline workflow ids and payloads, logs and counts them', async () => {
    const before = await scheduler.pending();
    await scheduler.cancel(expireTimerId('case-1', 'answer'));
    await scheduler.cancel(warnTimerId('case-1', 'answer', 0));
    expect(await reconciler.reconcile()).toBe(2);
    expect(await scheduler.pending()).toEqual(before);
    expect(settles).toBe(1);
    expect(warnings).toEqual(['Timer reconciler re-armed 2 missing timer(s) on manual: dl.case-1.answer.expire, dl.case-1.answer.warn.0']);
    expect(reconciler.status()).toMatchObject({ expectedTimers: 3, armedTimers: 1, missing: 2, repairsTotal: 2 });
    expect(await reconciler.reconcile()).toBe(0);
    expect(reconciler.status()).toMatchObject({ armedTimers: 3, missing: 0, repairsTotal: 2 });
  });

  it('does not re-arm a timer that fired and whose expiry the projection had not yet seen', async () => {
    await scheduler.cancel(expireTimerId('case-2', 'answer')); // fired and handled
    duringSettle = async () => {
      rows = rows.filter((r) => r.stream !== 'case-2'); // the projection catches up with DeadlineExpired
    };
    expect(await reconciler.reconcile()).toBe(0);
    expect(warnings).toEqual([]);
    expect(await pendingIds()).toEqual([expireTimerId('case-1', 'answer'), warnTimerId('case-1', 'answer', 0)]);
    expect(reconciler.status()).toMatchObject({ pendingDeadlines: 2, expectedTimers: 2, missing: 0 });
  });

  it('does not re-arm a timer the deadline workflow schedules while the reconciler waits', async () => {
    const [lateSet] = timerSpecsOf([row('case-4', { warnAt: [] })]);
    rows = [...rows, row('case-4', { warnAt: [] })]; // projected, not yet armed by the workflow
    duringSettle = () => scheduler.schedule(lateSet!);
    expect(await reconciler.reconcile()).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('names at most 20 ids in its log line and gives the count', async () => {
    rows = Array.from({ length: 25 }, (_, i) => row(`bulk-${i}`, { warnAt: [] }));
    expect(await reconciler.reconcile()).toBe(25);
    expect(warnings[0]).toMatch(/^Timer reconciler re-armed 25 missing timer\(s\) on manual: dl\.bulk-0\.answer\.expire, .* and 5 more$/);
  });

  it('runs passes on its own once started and none after stop', async () => {
    await scheduler.cancel(expireTimerId('case-2', 'answer'));
    reconciler.start();
    for (let i = 0; i < 500 && reconciler.status().lastReconciledAt === null; i += 1) await new Promise((r) => setTimeout(r, 10));
    await reconciler.stop();
    expect(reconciler.status().repairsTotal).toBe(1);
    expect(await pendingIds()).toContain(expireTimerId('case-2', 'answer'));
    await scheduler.cancel(expireTimerId('case-2', 'answer'));
    await new Promise((r) => setTimeout(r, 50));
    expect(await scheduler.missing([expireTimerId('case-2', 'answer')])).toEqual([expireTimerId('case-2', 'answer')]);
  });

  it('keeps running after a failed pass and says so', async () => {
    let calls = 0;
    const failing = new TimerReconciler({
      source: {
        pending: () => {
          calls += 1;
          if (calls === 1) throw new Error('read model busy');
          return rows;
        },
      },
      scheduler,
      clock,
      intervalMs: 10,
      settle: async () => undefined,
      warn: (message) => warnings.push(message),
      random: () => 0,
    });
    failing.start();
    for (let i = 0; i < 500 && failing.status().lastReconciledAt === null; i += 1) await new Promise((r) => setTimeout(r, 10));
    await failing.stop();
    expect(warnings[0]).toBe('Timer reconciler pass failed (next one as planned): Error: read model busy');
    expect(failing.status().lastReconciledAt).not.toBeNull();
  });
});
