import { BUILT_IN_VERSION, builtInCalendarData, StopClock, WorkingCalendar } from '@bihuan/calendar';
import { DEFAULT_COMPLAINT_POLICY } from '../domain/complaint-policy';
import { countingStartsAt } from '@bihuan/calendar';
import { clockTerms, extendedTerms, remainingWorkingMs, resumeTerms } from './complaint-terms';

const calendar = new WorkingCalendar(builtInCalendarData());
const policy = DEFAULT_COMPLAINT_POLICY;
const RECEIVED = '2025-03-03T01:00:00.000Z'; // Mon 3 Mar 2025, 09:00 Shanghai
const H = 3_600_000;

describe('complaint terms (working days from the day after receipt)', () => {
  it('gives acknowledge 1 and answer 5 working days, with a reminder one working day before', () => {
    expect(clockTerms(calendar, policy, RECEIVED, 1, RECEIVED)).toEqual({
      startedAt: RECEIVED,
      dueAt: '2025-03-04T15:59:59.999Z',
      workingDays: 1,
      calendarVersion: calendar.version,
      warnAt: ['2025-03-03T16:00:00.000Z'],
    });
    expect(clockTerms(calendar, policy, RECEIVED, 5, RECEIVED)).toMatchObject({
      dueAt: '2025-03-10T15:59:59.999Z',
      warnAt: ['2025-03-09T16:00:00.000Z'],
    });
    expect(calendar.version).toContain(BUILT_IN_VERSION.split('@')[0] ?? '');
  });

  it('skips holidays: a complaint received before 劳动节 2025 (1–5 May off) is answered on 12 May', () => {
    expect(clockTerms(calendar, policy, '2025-04-30T02:00:00.000Z', 5, '2025-04-30T02:00:00.000Z').dueAt).toBe('2025-05-12T15:59:59.999Z');
  });

  it('leaves out a reminder that would already be past, and none when the policy has none', () => {
    expect(clockTerms(calendar, policy, RECEIVED, 1, '2025-03-04T01:00:00.000Z').warnAt).toEqual([]);
    expect(clockTerms(calendar, { ...policy, reminderWorkingDaysBefore: 0 }, RECEIVED, 5, RECEIVED).warnAt).toEqual([]);
  });

  it('counts from 00:00 Shanghai of the next day', () => {
    expect(new Date(countingStartsAt(RECEIVED)).toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(new Date(countingStartsAt('2025-03-03T17:00:00.000Z')).toISOString()).toBe('2025-03-04T16:00:00.000Z');
  });

  it('pauses and resumes like StopClock: working milliseconds, weekends not counted', () => {
    const answer = { startedAt: RECEIVED, dueAt: '2025-03-10T15:59:59.999Z' };
    const stop = new StopClock(calendar);
    const clock = stop.start(RECEIVED, 5);
    const pausedAt = '2025-03-05T01:00:00.000Z';
    expect(remainingWorkingMs(calendar, answer, pausedAt)).toBe(stop.pause(clock, pausedAt).remainingMs);
    expect(remainingWorkingMs(calendar, answer, RECEIVED)).toBe(5 * 24 * H); // paused on the receipt day: the whole budget
    const resumedAt = '2025-03-08T03:00:00.000Z'; // a Saturday: counting restarts on Monday
    const resumed = resumeTerms(calendar, policy, RECEIVED, (3 * 24 + 15) * H, resumedAt);
    expect(resumed.dueAt).toBe(stop.resume(stop.pause(clock, pausedAt), resumedAt).dueAt);
    expect(resumed.dueAt).toBe('2025-03-13T06:59:59.999Z'); // Mon–Wed whole, Thu until 15:00 Shanghai
    expect(resumed.warnAt).toEqual(['2025-03-12T07:00:00.000Z']);
  });

  it('an exhausted clock falls due just after the resume instead of in the past', () => {
    expect(resumeTerms(calendar, policy, RECEIVED, 0, '2025-03-12T02:00:00.000Z').dueAt).toBe('2025-03-12T02:00:01.000Z');
  });

  it('extends by whole working days after the current due date', () => {
    expect(extendedTerms(calendar, policy, '2025-03-10T15:59:59.999Z', 5, '2025-03-05T01:00:00.000Z')).toMatchObject({
      dueAt: '2025-03-17T15:59:59.999Z',
      warnAt: ['2025-03-16T16:00:00.000Z'],
    });
  });

  it('given a resume whose new due date lies in a provisional year, then the terms record the provisional version', () => {
    const resumed = resumeTerms(calendar, policy, '2026-12-21T01:00:00.000Z', 5 * 24 * H, '2026-12-28T01:00:00.000Z');
    expect(resumed.dueAt).toBe('2027-01-05T00:59:59.999Z'); // Dec 28 09:00–31 (87 h), 元旦 off, Jan 4 (24 h), Jan 5 9 h
    expect(resumed.calendarVersion).toBe(`${BUILT_IN_VERSION}+provisional:2027@statutory-2025`);
  });
});
