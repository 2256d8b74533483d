import { transformFileSync } from '@swc/core';
import { getLunarDate } from 'chinese-days';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarYearData } from './calendar-data';
import { BUILT_IN_YEARS } from './chinese-days.data';
import { HolidayRuleSet } from './holiday-rules';
import { dateToDay, dayToDate, weekdayOf } from './local-time';
import { provisionalYear, ruleSetFor } from './provisional-year';
import { STATUTORY_RULE_SETS } from './statutory-rule-sets';

const ruleSet = (id: string): HolidayRuleSet => {
  const found = STATUTORY_RULE_SETS.find((s) => s.id === id);
  if (!found) throw new Error(`no rule set ${id}`);
  return found;
};
const official = (year: number): CalendarYearData => {
  const found = BUILT_IN_YEARS.find((y) => y.year === year);
  if (!found) throw new Error(`${year} is not built in`);
  return found;
};
const isWeekend = (date: string): boolean => [0, 6].includes(weekdayOf(dateToDay(date)));

/**
 * How an official year (the State Council's notice) differs from the provisional year of the law:
 * `notFreed` = provisional days off the notice does not give; `freedWeekdays` = weekdays the notice
 * gives off beyond the provisional year; `makeup` = its 调休 working days.
 */
function compare(year: number, rules: HolidayRuleSet) {
  const provisional = provisionalYear(year, rules);
  const real = official(year);
  return {
    notFreed: Object.keys(provisional.holidays).filter((d) => !(d in real.holidays)),
    freedWeekdays: Object.keys(real.holidays)
      .filter((d) => !isWeekend(d) && !(d in provisional.holidays))
      .sort(),
    makeup: Object.keys(real.makeupWorkdays).sort(),
  };
}

describe('provisionalYear (statutory-2025)', () => {
  const rules = ruleSet('statutory-2025');

  describe('given 2027, a year the State Council has not published', () => {
    const year = provisionalYear(2027, rules);
    it('then it has the statutory days, 补假 after each block for the days on a weekend, and no 调休', () => {
      expect(year.holidays).toEqual({
        '2027-01-01': '元旦',
        '2027-02-05': '春节', // 除夕 = 腊月廿九: month 12 of lunar 2026 has 29 days
        '2027-02-06': '春节',
        '2027-02-07': '春节',
        '2027-02-08': '春节',
        '2027-02-09': '春节（补假）', // for Sat 02-06
        '2027-02-10': '春节（补假）', // for Sun 02-07
        '2027-04-05': '清明节',
        '2027-05-01': '劳动节',
        '2027-05-02': '劳动节',
        '2027-05-03': '劳动节（补假）',
        '2027-05-04': '劳动节（补假）',
        '2027-06-09': '端午节',
        '2027-09-15': '中秋节',
        '2027-10-01': '国庆节',
        '2027-10-02': '国庆节',
        '2027-10-03': '国庆节',
        '2027-10-04': '国庆节（补假）',
        '2027-10-05': '国庆节（补假）',
      });
      expect(year.makeupWorkdays).toEqual({});
      expect(year.source).toBe('provisional@statutory-2025');
    });
  });

  it('given any year, then 除夕 is the last day of lunar month 12, whether it has 29 or 30 days', () => {
    const days = new Set<number>();
    for (let y = 2027; y <= 2040; y += 1) {
      const eve = Object.entries(provisionalYear(y, rules).holidays).find(([, name]) => name === '春节')?.[0];
      if (!eve) throw new Error(`no 春节 in ${y}`);
      const lunar = getLunarDate(eve);
      expect([lunar.lunarMon, lunar.isLeap]).toEqual([12, false]);
      expect(getLunarDate(dayToDate(dateToDay(eve) + 1))).toMatchObject({ lunarMon: 1, lunarDay: 1 });
      days.add(lunar.lunarDay);
    }
    expect([...days].sort()).toEqual([29, 30]);
  });

  it('given 中秋 on 国庆 (2031-10-01), then the shared day is given back once more, after the block (as in 2020)', () => {
    const year = provisionalYear(2031, rules);
    expect(year.holidays['2031-10-01']).toBe('中秋节'); // rules are applied in their order: 中秋 claims it first
    expect(year.holidays['2031-10-06']).toBe('国庆节（补假）');
    expect(year.holidays['2031-10-04']).toBeUndefined(); // a Saturday: nothing to give back on
  });

  describe.each([2025, 2026])('given the official %i (chinese-days, the State Council notice)', (y) => {
    it('then every day off the rules compute is off in the official year', () => {
      expect(compare(y, rules).notFreed).toEqual([]);
    });
    it('then the notice only swaps: the weekdays it frees beyond the rules are as many as its 调休 days', () => {
      const { freedWeekdays, makeup } = compare(y, rules);
      expect(freedWeekdays.length).toBe(makeup.length);
      expect(makeup.every(isWeekend)).toBe(true);
    });
  });

  it('gives the same lunar dates and solar terms whatever the host time zone (chinese-days uses host-local getters)', () => {
    // Jest's sandbox cannot change the process time zone, so run lunar-dates.ts in child processes.
    const dir = mkdtempSync(join(tmpdir(), 'lunar-'));
    const file = join(dir, 'lunar-dates.js');
    writeFileSync(
      file,
      transformFileSync(join(__dirname, 'lunar-dates.ts'), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      }).code,
    );
    const probe = `const l = require(${JSON.stringify(file)}); console.log(JSON.stringify([l.solarTermDate(2027, '清明'), l.solarTermDate(2025, '清明'), l.solarDateOfLunar(2027, 1, 1), l.solarDateOfLunar(2027, 8, 15)]))`;
    const run = (tz: string): unknown => {
      const out = spawnSync(process.execPath, ['-e', probe], {
        env: { ...process.env, TZ: tz, NODE_PATH: join(__dirname, '..', '..', '..', 'node_modules') },
        encoding: 'utf8',
      });
      if (out.status !== 0) throw new Error(out.stderr);
      return JSON.parse(out.stdout) as unknown;
    };
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        expect([tz, run(tz)]).toEqual([tz, ['2027-04-05', '2025-04-04', '2027-02-06', '2027-09-15']]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('provisionalYear (statutory-2014) against the official 2014–2024', () => {
  const rules = ruleSet('statutory-2014');

  it.each([2014, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024])('given %i, then the notice only swapped days', (y) => {
    const { notFreed, freedWeekdays, makeup } = compare(y, rules);
    expect(notFreed).toEqual([]);
    expect(freedWeekdays.length).toBe(makeup.length);
  });

  it('given 2015, then the differences are the one-off 抗战胜利70周年 day (09-03) and the 中秋 补假 the notice moved from 09-28 into 国庆', () => {
    const { notFreed, freedWeekdays, makeup } = compare(2015, rules);
    expect(notFreed).toEqual(['2015-09-28']);
    // 7 weekdays = 5 swaps + 09-03 (one-off holiday) + the moved 补假 (09-28 → a day of 10-05…10-07).
    expect(freedWeekdays).toEqual(['2015-01-02', '2015-02-18', '2015-02-24', '2015-09-03', '2015-09-04', '2015-10-06', '2015-10-07']);
    expect(makeup).toHaveLength(5);
  });

  it('given 2020, then the two extra weekdays are the COVID-19 extension of the Spring Festival (01-30, 01-31; make-up 02-01 cancelled)', () => {
    const { notFreed, freedWeekdays, makeup } = compare(2020, rules);
    expect(notFreed).toEqual([]);
    expect(freedWeekdays.length - makeup.length).toBe(2);
    expect(freedWeekdays).toEqual(expect.arrayContaining(['2020-01-30', '2020-01-31']));
    expect(makeup).not.toContain('2020-02-01');
  });
});

describe('ruleSetFor', () => {
  it('picks the rule set in force for the year, none before 2014 or past the lunar tables (2100)', () => {
    expect(ruleSetFor(STATUTORY_RULE_SETS, 2024)?.id).toBe('statutory-2014');
    expect(ruleSetFor(STATUTORY_RULE_SETS, 2025)?.id).toBe('statutory-2025');
    expect(ruleSetFor(STATUTORY_RULE_SETS, 2100)?.id).toBe('statutory-2025');
    expect(ruleSetFor(STATUTORY_RULE_SETS, 2013)).toBeUndefined();
    expect(ruleSetFor(STATUTORY_RULE_SETS, 2101)).toBeUndefined();
  });
});
