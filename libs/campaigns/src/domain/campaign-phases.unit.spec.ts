import { nextDay, quarterEnd, monthEnd, requireDay } from './campaign-days';
import { acceptPhases, phaseIndexOn, phaseStatusOn, reportDueDays } from './campaign-phases';
import { SEED_003_PHASES } from './campaign.fixtures';

describe('campaign days and phases', () => {
  it('knows month and quarter ends, leap years and the day after', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
    expect(quarterEnd('2023-05-21')).toBe('2023-06-30');
    expect(quarterEnd('2023-12-01')).toBe('2023-12-31');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(nextDay('2023-04-30')).toBe('2023-05-01');
    expect(() => requireDay('2023-04-31', 'phases[0].to')).toThrow(expect.objectContaining({ code: 'CAMPAIGN.DATE_INVALID' }));
    expect(() => requireDay('2023-5-1', 'x')).toThrow(expect.objectContaining({ details: { field: 'x' } }));
  });

  it('places a day in seed 003’s phases: before, within each, between, after', () => {
    const phases = acceptPhases(SEED_003_PHASES, 2023);
    expect(phaseIndexOn(phases, '2023-05-14')).toBeNull();
    expect(phaseIndexOn(phases, '2023-05-15')).toBe(0);
    expect(phaseIndexOn(phases, '2023-05-20')).toBe(0);
    expect(phaseIndexOn(phases, '2023-08-15')).toBe(1);
    expect(phaseIndexOn(phases, '2023-08-16')).toBe(2);
    expect(phaseIndexOn(phases, '2023-09-01')).toBeNull();
    expect(phases.map((p) => phaseStatusOn(p, '2023-06-01'))).toEqual(['past', 'current', 'upcoming']);
  });

  it('expands recurring reports to each month’s or quarter’s end within the phase, the last one at the phase’s end', () => {
    const phase = { from: '2023-05-21', to: '2023-08-15' };
    expect(reportDueDays(phase, { kind: 'monthly-report', due: null, recurrence: 'monthly' })).toEqual([
      '2023-05-31',
      '2023-06-30',
      '2023-07-31',
      '2023-08-15',
    ]);
    expect(reportDueDays(phase, { kind: 'quarterly-summary', due: null, recurrence: 'quarterly' })).toEqual(['2023-06-30', '2023-08-15']);
    // 环翠区 (seed 001): 组织实施 3月–11月, a quarterly summary at each quarter's end.
    expect(
      reportDueDays({ from: '2022-03-01', to: '2022-11-30' }, { kind: 'quarterly-summary', due: null, recurrence: 'quarterly' }),
    ).toEqual(['2022-03-31', '2022-06-30', '2022-09-30', '2022-11-30']);
    expect(reportDueDays(phase, { kind: 'final-report', due: '2023-08-31', recurrence: null })).toEqual(['2023-08-31']);
  });
});
