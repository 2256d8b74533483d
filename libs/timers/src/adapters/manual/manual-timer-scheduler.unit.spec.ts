import { FakeClock, timerSchedulerContract } from '@bihuan/testing';
import { FiredTimer } from '../../timer-scheduler.port';
import { ManualTimerScheduler } from './manual-timer-scheduler.adapter';

timerSchedulerContract('manual', async () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const scheduler = new ManualTimerScheduler(clock);
  return { scheduler, clock, advance: (to) => scheduler.advanceTo(to), teardown: () => scheduler.close() };
});

describe('ManualTimerScheduler.advanceTo', () => {
  const clock = new FakeClock('2025-03-03T00:00:00.000Z');
  let scheduler: ManualTimerScheduler;
  let seen: { id: string; at: string; attempt: number }[];
  beforeEach(() => {
    clock.set('2025-03-03T00:00:00.000Z');
    scheduler = new ManualTimerScheduler(clock, { backoff: { baseMs: 60_000, maxMs: 3_600_000 } });
    seen = [];
  });
  const note = async (t: FiredTimer) => {
    seen.push({ id: t.id, at: clock.now().toISOString(), attempt: t.attempt });
  };

  it('fires in dueAt order with the clock set to each due time, then stops at the target', async () => {
    await scheduler.start(note);
    await scheduler.schedule({ id: 'b', dueAt: '2025-03-05T00:00:00.000Z', payload: {} });
    await scheduler.schedule({ id: 'a', dueAt: '2025-03-04T00:00:00.000Z', payload: {} });
    await scheduler.schedule({ id: 'late', dueAt: '2025-04-01T00:00:00.000Z', payload: {} });
    await scheduler.advanceTo('2025-03-10T00:00:00.000Z');
    expect(seen).toEqual([
      { id: 'a', at: '2025-03-04T00:00:00.000Z', attempt: 1 },
      { id: 'b', at: '2025-03-05T00:00:00.000Z', attempt: 1 },
    ]);
    expect(clock.now().toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect((await scheduler.pending()).map((t) => t.id)).toEqual(['late']);
  });

  it('fires timers that handlers schedule during the advance when they fall due before the target', async () => {
    await scheduler.start(async (t) => {
      await note(t);
      const next = Number(t.payload['n']) + 1;
      const dueAt = new Date(clock.now().getTime() + 86_400_000).toISOString();
      if (next <= 5) await scheduler.schedule({ id: `chain-${next}`, dueAt, payload: { n: next } });
    });
    await scheduler.schedule({ id: 'chain-1', dueAt: '2025-03-04T00:00:00.000Z', payload: { n: 1 } });
    await scheduler.advanceTo('2025-03-07T12:00:00.000Z');
    expect(seen.map((s) => s.id)).toEqual(['chain-1', 'chain-2', 'chain-3', 'chain-4']);
    expect((await scheduler.pending()).map((t) => t.dueAt)).toEqual(['2025-03-08T00:00:00.000Z']);
  });

  it('retries a failed handler after the backoff in fake time, within the same advance', async () => {
    await scheduler.start(async (t) => {
      await note(t);
      if (t.attempt < 3) throw new Error('not yet');
    });
    await scheduler.schedule({ id: 'flaky', dueAt: '2025-03-03T01:00:00.000Z', payload: {} });
    await scheduler.advanceTo('2025-03-03T01:02:00.000Z');
    expect(seen.map((s) => [s.at, s.attempt])).toEqual([
      ['2025-03-03T01:00:00.000Z', 1],
      ['2025-03-03T01:01:00.000Z', 2],
    ]);
    await scheduler.advanceTo('2025-03-03T02:00:00.000Z');
    expect(seen.map((s) => [s.at, s.attempt])[2]).toEqual(['2025-03-03T01:03:00.000Z', 3]);
    expect(await scheduler.pending()).toEqual([]);
  });

  it('does not fire without a handler and never moves the clock backwards', async () => {
    await scheduler.schedule({ id: 'idle', dueAt: '2025-03-03T01:00:00.000Z', payload: {} });
    await scheduler.advanceTo('2025-03-04T00:00:00.000Z');
    await scheduler.advanceTo('2025-03-03T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-03-04T00:00:00.000Z');
    await scheduler.start(note);
    await scheduler.runDue();
    expect(seen).toEqual([{ id: 'idle', at: '2025-03-04T00:00:00.000Z', attempt: 1 }]);
  });
});
