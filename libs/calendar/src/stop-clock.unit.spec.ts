import { DAY_MS } from './local-time';
import { builtInCalendarData } from './chinese-days.data';
import { StopClockStateError } from './calendar.errors';
import { StopClock } from './stop-clock';
import { WorkingCalendar } from './working-calendar';

const sh = (local: string): string => new Date(Date.parse(`${local}+08:00`)).toISOString();
const HOUR = 3_600_000;

describe('StopClock (停表)', () => {
  const cal = new WorkingCalendar(builtInCalendarData());
  const clock = new StopClock(cal);

  it('starts like addWorkingDays: from the day after receipt, budget n × 24 working hours', () => {
    const state = clock.start(sh('2025-03-03T10:00:00'), 5);
    expect(state).toMatchObject({ status: 'running', dueAt: '2025-03-10T15:59:59.999Z', budgetMs: 5 * DAY_MS, usedMs: 0 });
    expect(state.runningSince).toBe(sh('2025-03-04T00:00:00'));
    expect(state.calendarVersion).toBe(cal.version);
  });

  it('pause keeps the working time used; resume preserves the remainder', () => {
    const started = clock.start(sh('2025-03-03T10:00:00'), 5);
    const paused = clock.pause(started, sh('2025-03-05T15:00:00'));
    expect(paused).toMatchObject({ status: 'paused', usedMs: 39 * HOUR, remainingMs: 81 * HOUR, dueAt: null });
    expect(clock.usedMs(paused, sh('2025-03-07T12:00:00'))).toBe(39 * HOUR);
    const resumed = clock.resume(paused, sh('2025-03-10T09:00:00'));
    // Mon 15 h + Tue 24 h + Wed 24 h + Thu 18 h = 81 h → Thu 18:00.
    expect(resumed.dueAt).toBe(sh('2025-03-13T17:59:59.999'));
    expect(clock.usedMs(resumed, sh('2025-03-10T09:00:00'))).toBe(39 * HOUR);
    expect(clock.usedMs(resumed, resumed.dueAt as string) + 1).toBe(5 * DAY_MS);
  });

  it('pause and resume at the same instant changes nothing', () => {
    const started = clock.start(sh('2025-03-03T10:00:00'), 5);
    const at = sh('2025-03-06T08:30:00');
    expect(clock.resume(clock.pause(started, at), at).dueAt).toBe(started.dueAt);
  });

  it('a pause on the receipt day uses nothing and keeps the day-after rule', () => {
    const started = clock.start(sh('2025-03-03T10:00:00'), 5);
    const sameDay = clock.resume(clock.pause(started, sh('2025-03-03T11:00:00')), sh('2025-03-03T16:00:00'));
    expect(sameDay.dueAt).toBe(started.dueAt);
    const nextMorning = clock.resume(clock.pause(started, sh('2025-03-03T11:00:00')), sh('2025-03-04T09:00:00'));
    expect(nextMorning.dueAt).toBe(sh('2025-03-11T08:59:59.999'));
  });

  it('does not count the Spring Festival while running or paused', () => {
    const started = clock.start(sh('2025-01-20T10:00:00'), 5);
    expect(started.dueAt).toBe('2025-01-26T15:59:59.999Z'); // make-up Sunday is the 5th day
    const paused = clock.pause(started, sh('2025-01-23T12:00:00'));
    expect(paused.remainingMs).toBe(60 * HOUR);
    expect(clock.resume(paused, sh('2025-02-10T12:00:00')).dueAt).toBe(sh('2025-02-12T23:59:59.999'));
    // Resumed during the holiday: counting starts again on Wed Feb 5.
    expect(clock.resume(paused, sh('2025-01-30T10:00:00')).dueAt).toBe(sh('2025-02-07T11:59:59.999'));
  });

  it('accumulates across several pauses', () => {
    let state = clock.start(sh('2025-03-03T10:00:00'), 5);
    state = clock.pause(state, sh('2025-03-04T12:00:00')); // 12 h used
    state = clock.resume(state, sh('2025-03-05T00:00:00'));
    state = clock.pause(state, sh('2025-03-05T06:00:00')); // +6 h
    expect(state.usedMs).toBe(18 * HOUR);
    state = clock.resume(state, sh('2025-03-10T00:00:00')); // 102 h left: Mon–Thu 96 h + Fri 6 h
    expect(state.dueAt).toBe(sh('2025-03-14T05:59:59.999'));
  });

  it('reminders after a resume count the whole budget and skip passed points', () => {
    const paused = clock.pause(clock.start(sh('2025-03-03T10:00:00'), 5), sh('2025-03-05T15:00:00'));
    expect(clock.warnInstants(paused, [0.5])).toEqual([]);
    const resumed = clock.resume(paused, sh('2025-03-10T09:00:00'));
    expect(clock.warnInstants(resumed, [0.25, 0.5])).toEqual([sh('2025-03-11T06:00:00')]);
  });

  it('refuses impossible transitions', () => {
    const started = clock.start(sh('2025-03-03T10:00:00'), 5);
    const paused = clock.pause(started, sh('2025-03-05T15:00:00'));
    expect(() => clock.pause(paused, sh('2025-03-05T16:00:00'))).toThrow(StopClockStateError);
    expect(() => clock.resume(started, sh('2025-03-05T16:00:00'))).toThrow(StopClockStateError);
    expect(() => clock.resume(paused, sh('2025-03-05T14:00:00'))).toThrow(StopClockStateError);
    expect(() => clock.pause(started, sh('2025-03-11T00:00:00'))).toThrow(StopClockStateError);
  });

  it('given a clock resumed into a provisional year (2027), then its version says so', () => {
    const started = clock.start(sh('2026-12-14T10:00:00'), 10);
    expect(started.calendarVersion).toBe(cal.version);
    const paused = clock.pause(started, sh('2026-12-16T12:00:00'));
    const resumed = clock.resume(paused, sh('2026-12-28T09:00:00'));
    expect(resumed.dueAt).toBe(sh('2027-01-08T20:59:59.999')); // 204 h left: Dec 28 09:00–31 (87 h), 元旦 off, Jan 4–7 (96 h), Jan 8 21 h
    expect(resumed.calendarVersion).toBe(`${cal.version}+provisional:2027@statutory-2025`);
  });
});
