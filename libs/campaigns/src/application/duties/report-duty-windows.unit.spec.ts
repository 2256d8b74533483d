import { builtInCalendarData, WorkingCalendar } from '@bihuan/calendar';
import { acceptPhases } from '../../domain/campaign-phases';
import { DEFAULT_REPORTING_POLICY } from '../../domain/duty/report-duty-policy';
import { dutyInstances } from '../../domain/duty/report-duty-schedule';
import { dueWindow, dutyDueDay, endOfDay, returnWindow, workingDayWindow } from './report-duty-windows';

const calendar = new WorkingCalendar(builtInCalendarData());
const policy = DEFAULT_REPORTING_POLICY;

describe('reporting duties: due days and deadlines on the working-day calendar', () => {
  it('moves a monthly report due on a day off to the first working day after the days off, within a phase crossing 春节', () => {
    // 2025: Spring Festival 1月28日–2月4日; Saturday 5月31日 begins 端午 (5月31日–6月2日); Sunday 8月31日.
    const phases = acceptPhases(
      [{ name: '整治', from: '2025-01-01', to: '2025-08-31', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] }],
      2025,
    );
    const due = dutyInstances({ campaignId: 'c', institutionIds: ['h'], phases }).map((d) => [
      d.dueOn,
      dutyDueDay(calendar, d.dueOn, d.recurrence),
    ]);
    expect(due).toEqual([
      ['2025-01-31', '2025-02-05'],
      ['2025-02-28', '2025-02-28'],
      ['2025-03-31', '2025-03-31'],
      ['2025-04-30', '2025-04-30'],
      ['2025-05-31', '2025-06-03'],
      ['2025-06-30', '2025-06-30'],
      ['2025-07-31', '2025-07-31'],
      ['2025-08-31', '2025-09-01'],
    ]);
  });

  it('keeps a working Saturday (调休上班), and a fixed day as the notice gives it', () => {
    expect(dutyDueDay(calendar, '2026-02-28', 'monthly')).toBe('2026-02-28'); // make-up working Saturday
    expect(dutyDueDay(calendar, '2025-09-30', 'quarterly')).toBe('2025-09-30');
    expect(dutyDueDay(calendar, '2025-02-01', null)).toBe('2025-02-01'); // "2月1日前", a holiday: as given
  });

  it('falls due at the end of the Shanghai day', () => {
    expect(endOfDay('2025-03-07')).toBe('2025-03-07T15:59:59.999Z');
    expect(endOfDay('2025-12-31')).toBe('2025-12-31T15:59:59.999Z');
  });

  it('reminds at 50% and 80% of the reporting window, counted from the day its period opens, never on a day off', () => {
    const duty = { dueOn: '2025-04-30', opensOn: '2025-04-01', dueAt: endOfDay('2025-04-30') };
    const window = dueWindow(calendar, policy, '2025-03-03T02:00:00.000Z', duty)!;
    expect(window).toMatchObject({
      startedAt: '2025-03-03T02:00:00.000Z',
      dueAt: '2025-04-30T15:59:59.999Z',
      policy: { chosen: true, dueOn: '2025-04-30' },
    });
    expect(window.warnAt).toHaveLength(2);
    for (const w of window.warnAt) {
      expect(w >= '2025-04-01' && w < window.dueAt).toBe(true);
      expect(calendar.isWorkingInstant(w)).toBe(true);
    }
    expect(window.calendarVersion).toBe(calendar.versionBetween('2025-03-03T02:00:00.000Z', window.dueAt));
    // Assigned when the due instant has passed: nothing to arm.
    expect(dueWindow(calendar, policy, '2025-05-06T02:00:00.000Z', duty)).toBeNull();
  });

  it('gives a report returned after its due instant the policy’s resubmission working days; before it, the due date again', () => {
    const duty = { dueOn: '2025-03-07', opensOn: '2025-03-01', dueAt: endOfDay('2025-03-07') };
    expect(returnWindow(calendar, policy, '2025-03-05T02:00:00.000Z', duty).dueAt).toBe(duty.dueAt);
    const late = returnWindow(calendar, policy, '2025-03-10T02:00:00.000Z', duty);
    expect(late).toMatchObject({ dueAt: '2025-03-17T15:59:59.999Z', workingDays: 5, policy: { resubmit: true, workingDays: 5 } });
    expect(workingDayWindow(calendar, policy, '2025-09-29T02:00:00.000Z', 3).dueAt).toBe('2025-10-10T15:59:59.999Z'); // 国庆 10月1日–8日
  });
});
