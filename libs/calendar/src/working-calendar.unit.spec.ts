import { BUILT_IN_VERSION, builtInCalendarData } from './chinese-days.data';
import { CalendarArgumentError, CalendarDataMissingError } from './calendar.errors';
import { isProvisionalVersion, provisionalMarksOf } from './calendar-version';
import { WorkingCalendar } from './working-calendar';

/** Shanghai wall-clock time → ISO instant, to keep the expectations readable. */
const sh = (local: string): string => new Date(Date.parse(`${local}+08:00`)).toISOString();

describe('WorkingCalendar (built-in chinese-days data)', () => {
  const cal = new WorkingCalendar(builtInCalendarData());

  describe('2025 Spring Festival week (国办发明电〔2024〕12号)', () => {
    it.each(['2025-01-28', '2025-01-29', '2025-01-31', '2025-02-03', '2025-02-04'])('%s is a holiday', (date) => {
      expect(cal.isWorkingDay(date)).toBe(false);
      expect(cal.dayInfo(date)).toMatchObject({ kind: 'holiday', name: '春节' });
    });
    it('make-up Sunday Jan 26 and Saturday Feb 8 are working days', () => {
      expect(cal.isWorkingDay('2025-01-26')).toBe(true);
      expect(cal.isWorkingDay('2025-02-08')).toBe(true);
      expect(cal.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', working: true, kind: 'makeup-workday', name: '春节' });
    });
    it('the days around it follow the week', () => {
      expect(cal.isWorkingDay('2025-01-27')).toBe(true);
      expect(cal.isWorkingDay('2025-02-05')).toBe(true);
      expect(cal.isWorkingDay('2025-01-25')).toBe(false);
      expect(cal.isWorkingDay('2025-02-09')).toBe(false);
    });
    it('counts through the make-up Sunday and skips the holiday', () => {
      const fridayEvening = sh('2025-01-24T18:00:00');
      expect(cal.addWorkingDays(fridayEvening, 1).dueAt).toBe('2025-01-26T15:59:59.999Z');
      expect(cal.addWorkingDays(fridayEvening, 3).dueAt).toBe('2025-02-05T15:59:59.999Z');
      expect(cal.addWorkingDays(fridayEvening, 6).dueAt).toBe('2025-02-08T15:59:59.999Z');
    });
  });

  describe('2025 National Day + Mid-Autumn week', () => {
    it.each(['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08'])('%s is a holiday', (date) => {
      expect(cal.isWorkingDay(date)).toBe(false);
    });
    it('make-up Sunday Sep 28 and Saturday Oct 11 are working days', () => {
      expect(cal.isWorkingDay('2025-09-28')).toBe(true);
      expect(cal.isWorkingDay('2025-10-11')).toBe(true);
      expect(cal.isWorkingDay('2025-10-12')).toBe(false);
    });
    it('adds working days across it', () => {
      const friday = sh('2025-09-26T10:00:00');
      expect(cal.addWorkingDays(friday, 1).dueAt).toBe('2025-09-28T15:59:59.999Z');
      expect(cal.addWorkingDays(friday, 3).dueAt).toBe('2025-09-30T15:59:59.999Z');
      expect(cal.addWorkingDays(friday, 4).dueAt).toBe('2025-10-09T15:59:59.999Z');
      expect(cal.addWorkingDays(friday, 6).dueAt).toBe('2025-10-11T15:59:59.999Z');
      expect(cal.addWorkingDays(friday, 7).dueAt).toBe('2025-10-13T15:59:59.999Z');
    });
  });

  it('crosses the year boundary and the 2026 New Year holiday (make-up Sun Jan 4)', () => {
    const result = cal.addWorkingDays(sh('2025-12-30T09:00:00'), 5);
    expect(result).toEqual({ dueAt: '2026-01-07T15:59:59.999Z', calendarVersion: BUILT_IN_VERSION });
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('has the 2026 Spring Festival (Feb 15–23, make-up Sat Feb 14 and Feb 28) and 2024 data', () => {
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    expect(cal.isWorkingDay('2024-10-07')).toBe(false);
  });

  describe('"from the day after receipt"', () => {
    it('never counts the receipt day, whatever the hour', () => {
      expect(cal.addWorkingDays(sh('2025-03-05T00:00:00'), 1).dueAt).toBe('2025-03-06T15:59:59.999Z');
      expect(cal.addWorkingDays(sh('2025-03-05T23:59:59'), 1).dueAt).toBe('2025-03-06T15:59:59.999Z');
    });
    it('uses the Shanghai date of the instant, not the UTC date', () => {
      expect(cal.addWorkingDays('2025-03-06T15:59:59.999Z', 1).dueAt).toBe('2025-03-07T15:59:59.999Z');
      expect(cal.addWorkingDays('2025-03-06T16:00:00.000Z', 1).dueAt).toBe('2025-03-10T15:59:59.999Z');
      expect(cal.localDate('2025-03-06T16:00:00Z')).toBe('2025-03-07');
      expect(cal.localDate(new Date('2025-03-06T15:59:59Z'))).toBe('2025-03-06');
    });
    it('receipt on a Friday evening counts from Monday', () => {
      expect(cal.addWorkingDays(sh('2025-03-07T20:00:00'), 1).dueAt).toBe('2025-03-10T15:59:59.999Z');
    });
    it('receipt on a holiday counts from the first working day after it', () => {
      expect(cal.addWorkingDays(sh('2025-01-30T11:00:00'), 1).dueAt).toBe('2025-02-05T15:59:59.999Z');
      expect(cal.isWorkingInstant(sh('2025-01-30T11:00:00'))).toBe(false);
      expect(cal.isWorkingInstant(sh('2025-01-26T23:00:00'))).toBe(true);
    });
  });

  describe('workingDaysBetween', () => {
    const receipt = sh('2025-01-24T18:00:00');
    it('counts working days after the receipt day that have begun', () => {
      expect(cal.workingDaysBetween(receipt, sh('2025-01-26T00:00:00'))).toBe(0);
      expect(cal.workingDaysBetween(receipt, sh('2025-01-26T00:00:01'))).toBe(1);
      expect(cal.workingDaysBetween(receipt, sh('2025-01-27T10:00:00'))).toBe(2);
      expect(cal.workingDaysBetween(receipt, sh('2025-02-04T10:00:00'))).toBe(2);
    });
    it('agrees with addWorkingDays', () => {
      for (const n of [1, 3, 5, 10, 20]) expect(cal.workingDaysBetween(receipt, cal.addWorkingDays(receipt, n).dueAt)).toBe(n);
    });
    it('is 0 when b is not after a', () => {
      expect(cal.workingDaysBetween(receipt, receipt)).toBe(0);
      expect(cal.workingDaysBetween(receipt, sh('2025-01-20T00:00:00'))).toBe(0);
    });
  });

  describe('reminders', () => {
    it('places 50% and 80% of 5 working days', () => {
      const start = sh('2025-03-03T10:00:00');
      const { dueAt } = cal.addWorkingDays(start, 5);
      expect(dueAt).toBe('2025-03-10T15:59:59.999Z');
      expect(cal.warnInstants(start, dueAt, [0.8, 0.5])).toEqual([sh('2025-03-06T12:00:00'), sh('2025-03-10T00:00:00')]);
    });
    it('moves a point on the eve of a holiday to the next working day', () => {
      const start = sh('2025-09-26T10:00:00');
      const { dueAt } = cal.addWorkingDays(start, 4);
      expect(cal.warnInstants(start, dueAt, [0.5, 0.75])).toEqual([sh('2025-09-30T00:00:00'), sh('2025-10-09T00:00:00')]);
    });
    it('rejects fractions outside (0, 1)', () => {
      expect(() => cal.warnInstants(sh('2025-03-03T10:00:00'), '2025-03-10T15:59:59.999Z', [1])).toThrow(CalendarArgumentError);
    });
    it('workingDayBefore steps back over weekends and holidays', () => {
      expect(cal.workingDayBefore('2025-03-07T15:59:59.999Z', 1)).toBe(sh('2025-03-07T00:00:00'));
      expect(cal.workingDayBefore('2025-03-10T15:59:59.999Z', 2)).toBe(sh('2025-03-07T00:00:00'));
      expect(cal.workingDayBefore('2025-10-09T15:59:59.999Z', 2)).toBe(sh('2025-09-30T00:00:00'));
    });
  });

  describe('given a year with no official data (2027: chinese-days ends with 2026)', () => {
    const PROVISIONAL_2027 = `${BUILT_IN_VERSION}+provisional:2027@statutory-2025`;
    it('when a deadline crosses into it, then it computes and its version says the year was provisional', () => {
      // Sun 2026-12-20: Dec 21–25, 28–31 (9), 元旦 Fri 2027-01-01 off, Jan 4–8 (14), Mon Jan 11 (15).
      expect(cal.addWorkingDays(sh('2026-12-20T10:00:00'), 15)).toEqual({
        dueAt: '2027-01-11T15:59:59.999Z',
        calendarVersion: PROVISIONAL_2027,
      });
      expect(provisionalMarksOf(PROVISIONAL_2027)).toEqual([{ year: 2027, ruleSetId: 'statutory-2025' }]);
      expect(isProvisionalVersion(PROVISIONAL_2027)).toBe(true);
    });
    it('when a deadline stays in official years, then its version is the official one, unchanged', () => {
      expect(cal.addWorkingDays(sh('2026-12-28T10:00:00'), 3)).toEqual({
        dueAt: '2026-12-31T15:59:59.999Z',
        calendarVersion: BUILT_IN_VERSION,
      });
      expect(cal.versionBetween(sh('2026-01-05T10:00:00'), sh('2026-12-31T10:00:00'))).toBe(BUILT_IN_VERSION);
      expect(provisionalMarksOf(BUILT_IN_VERSION)).toEqual([]);
      expect(isProvisionalVersion(BUILT_IN_VERSION)).toBe(false);
    });
    it('then it is weekends + statutory days + 补假, no 调休, and says it is provisional', () => {
      expect(cal.isProvisional(2027)).toBe(true);
      expect(cal.isProvisional(2026)).toBe(false);
      expect(cal.provisionalYears(2025, 2028)).toEqual([2027, 2028]);
      expect(cal.dayInfo('2027-02-09')).toEqual({
        date: '2027-02-09',
        working: false,
        kind: 'holiday',
        name: '春节（补假）',
        provisional: true,
      });
      expect(cal.dayInfo('2027-02-11')).toEqual({ date: '2027-02-11', working: true, kind: 'workday', provisional: true });
      expect(cal.isWorkingDay('2027-02-06')).toBe(false);
      expect(cal.dayInfo('2026-02-16')).not.toHaveProperty('provisional');
      expect(cal.versionBetween(sh('2027-03-01T10:00:00'), sh('2028-01-10T10:00:00'))).toBe(
        `${PROVISIONAL_2027}+provisional:2028@statutory-2025`,
      );
    });
    it('a year no rule set governs (before 2014, after 2100) still throws CalendarDataMissingError naming it', () => {
      expect(() => cal.isWorkingDay('2003-06-02')).toThrow(CalendarDataMissingError);
      try {
        cal.isWorkingDay('2101-06-01');
        throw new Error('expected a throw');
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarDataMissingError);
        expect((error as CalendarDataMissingError).year).toBe(2101);
        expect((error as CalendarDataMissingError).code).toBe('CALENDAR.DATA_MISSING');
      }
    });
  });

  describe('bad arguments', () => {
    it('rejects instants without an offset, impossible dates and bad day counts', () => {
      expect(() => cal.localDate('2025-03-06T10:00:00')).toThrow(CalendarArgumentError);
      expect(() => cal.isWorkingDay('2025-02-29')).toThrow(CalendarArgumentError);
      expect(() => cal.addWorkingDays(sh('2025-03-03T10:00:00'), 0)).toThrow(CalendarArgumentError);
      expect(() => cal.addWorkingDays(sh('2025-03-03T10:00:00'), 1.5)).toThrow(CalendarArgumentError);
    });
  });
});
