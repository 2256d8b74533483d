import { builtInCalendarData, WorkingCalendar } from '@bihuan/calendar';
import { DEFAULT_INSPECTION_POLICY } from '../domain';
import { parseDueInput, recheckWindow, rectifyWindow, workingDayWindow } from './deadline-windows';

const calendar = new WorkingCalendar(builtInCalendarData());
const policy = DEFAULT_INSPECTION_POLICY;
const NOW = '2025-03-03T01:00:00.000Z'; // Monday 09:00 Shanghai

describe('deadline windows', () => {
  it('gives a notice rectifyWorkingDays[requiredAction] working days from the day after, with reminders at 50% and 80%', () => {
    const w = rectifyWindow(calendar, policy, NOW, 'deadline');
    expect(w).toMatchObject({ startedAt: NOW, dueAt: '2025-03-24T15:59:59.999Z', workingDays: 15, calendarVersion: calendar.version });
    expect(w.warnAt).toEqual(['2025-03-13T04:00:00.000Z', '2025-03-19T16:00:00.000Z']);
    expect(w.policy).toMatchObject({ requiredAction: 'deadline', workingDays: 15, reminderFractions: [0.5, 0.8] });
    expect(rectifyWindow(calendar, policy, NOW, 'immediate').dueAt).toBe('2025-03-04T15:59:59.999Z');
  });

  it('counts across holidays and make-up working days (May Day 2025, Sunday 27 April worked)', () => {
    expect(workingDayWindow(calendar, policy, '2025-04-22T15:59:59.999Z', 10).dueAt).toBe('2025-05-08T15:59:59.999Z');
  });

  it("takes an inspector's date as the end of that Shanghai day, counting its working days", () => {
    const w = rectifyWindow(calendar, policy, NOW, 'deadline', parseDueInput('2025-03-10', 'dueDate', NOW));
    expect(w).toMatchObject({ dueAt: '2025-03-10T15:59:59.999Z', workingDays: 5, policy: { chosenByInspector: true } });
    expect(w.warnAt.every((at) => at > NOW && at < w.dueAt)).toBe(true);
  });

  it('schedules the re-check at the end of the day 90 calendar days later', () => {
    expect(recheckWindow(calendar, policy, NOW)).toMatchObject({ dueAt: '2025-06-01T15:59:59.999Z', workingDays: 0, warnAt: [] });
  });

  it('refuses due dates in the past, impossible dates and instants without an offset, naming the field', () => {
    const problem = (value: string) => {
      try {
        parseDueInput(value, 'dueDate', NOW);
        return null;
      } catch (error) {
        const e = error as { code: string; details: { field?: string } };
        return [e.code, e.details.field];
      }
    };
    expect(problem('2025-03-02')).toEqual(['INSPECTION.DEADLINE_IN_PAST', 'dueDate']);
    expect(problem('2025-03-03T00:59:00Z')).toEqual(['INSPECTION.DEADLINE_IN_PAST', 'dueDate']);
    expect(problem('2025-02-30')).toEqual(['INSPECTION.DATE_INVALID', 'dueDate']);
    expect(problem('2025-04-01T10:00:00')).toEqual(['INSPECTION.DATE_INVALID', 'dueDate']);
    expect(problem('2025-03-03')).toBeNull(); // the end of today is still ahead
    expect(parseDueInput('2025-04-01T10:00:00+08:00', 'dueDate', NOW)).toBe('2025-04-01T02:00:00.000Z');
  });
});
