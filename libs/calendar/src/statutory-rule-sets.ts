import { HolidayRuleSet, parseHolidayRuleSet } from './holiday-rules';

/**
 * The holiday law as data, one entry per version (docs/calendar.md, "Provisional years"). An
 * amendment is a new entry with a new id and its first year; nothing in the engine changes. Kept as
 * plain JSON-shaped data and run through the same validation an imported rule set would get.
 *
 * statutory-2014: the 2013 text (春节 初一–初三, 劳动节 5/1 only), for 2014–2024.
 * statutory-2025: 《全国年节及纪念日放假办法》 as amended by 国务院令第795号 (2024-11-10), in force
 * from 2025-01-01. 第二条: 元旦 1 day (1/1); 春节 4 days (除夕, 正月初一至初三); 清明 1 day (the day of
 * the term); 劳动节 2 days (5/1, 5/2); 端午 1 day (lunar 5/5); 中秋 1 day (lunar 8/15); 国庆 3 days
 * (10/1–10/3). 第六条: 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假.
 * No 调休 (make-up working days): only the State Council's yearly notice decides them.
 */
const RULE_SET_DATA: readonly unknown[] = [
  {
    // Historical (the years it governs are built in); kept so the rules are checked against 2014–2024.
    id: 'statutory-2014',
    effectiveFrom: 2014,
    source: '《全国年节及纪念日放假办法》（2013年12月11日国务院令第644号修订，2014年1月1日起施行）第二条、第六条',
    holidays: [
      { name: '元旦', anchor: { kind: 'solar', month: 1, day: 1 }, days: 1 },
      { name: '春节', anchor: { kind: 'lunar', month: 1, day: 1, offset: 0 }, days: 3 },
      { name: '清明节', anchor: { kind: 'solar-term', term: '清明' }, days: 1 },
      { name: '劳动节', anchor: { kind: 'solar', month: 5, day: 1 }, days: 1 },
      { name: '端午节', anchor: { kind: 'lunar', month: 5, day: 5, offset: 0 }, days: 1 },
      { name: '中秋节', anchor: { kind: 'lunar', month: 8, day: 15, offset: 0 }, days: 1 },
      { name: '国庆节', anchor: { kind: 'solar', month: 10, day: 1 }, days: 3 },
    ],
    substitute: { kind: 'next-working-day', onWeekend: true, onOverlap: true },
  },
  {
    id: 'statutory-2025',
    effectiveFrom: 2025,
    source: '《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订，2025年1月1日起施行）第二条、第六条',
    holidays: [
      { name: '元旦', anchor: { kind: 'solar', month: 1, day: 1 }, days: 1 },
      { name: '春节', anchor: { kind: 'lunar', month: 1, day: 1, offset: -1 }, days: 4 },
      { name: '清明节', anchor: { kind: 'solar-term', term: '清明' }, days: 1 },
      { name: '劳动节', anchor: { kind: 'solar', month: 5, day: 1 }, days: 2 },
      { name: '端午节', anchor: { kind: 'lunar', month: 5, day: 5, offset: 0 }, days: 1 },
      { name: '中秋节', anchor: { kind: 'lunar', month: 8, day: 15, offset: 0 }, days: 1 },
      { name: '国庆节', anchor: { kind: 'solar', month: 10, day: 1 }, days: 3 },
    ],
    substitute: { kind: 'next-working-day', onWeekend: true, onOverlap: true },
  },
];

/** Built-in rule sets, ascending by `effectiveFrom`. */
export const STATUTORY_RULE_SETS: readonly HolidayRuleSet[] = RULE_SET_DATA.map(parseHolidayRuleSet).sort(
  (a, b) => a.effectiveFrom - b.effectiveFrom,
);
