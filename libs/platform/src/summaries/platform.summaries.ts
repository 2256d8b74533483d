import { EventSummaries, summaryCatalogue } from '@bihuan/core';
import { CalendarYearImported } from '../calendar/calendar.decider';
import { PolicyChanged } from '../policy/policy.decider';

/** The contexts whose policy streams (`policy-<context>`) an admin can change. */
const POLICY_CONTEXTS: Readonly<Record<string, string>> = {
  inspection: '监督检查',
  complaints: '投诉举报',
  ethics: '医德考评',
  credit: '信用管理',
};

type PlatformEvent = PolicyChanged | CalendarYearImported;

/** The configuration streams (`policy-<context>`, `calendar-cn`) in words. */
export const PLATFORM_SUMMARIES: EventSummaries<PlatformEvent> = {
  PolicyChanged: (d, c) => {
    const keys = Object.keys(d.overrides);
    const what = keys.length === 0 ? '恢复默认设置' : `调整 ${keys.join('、')}`;
    return `${c.person(d.changedBy.id)} 修改${POLICY_CONTEXTS[d.context] ?? d.context}规则：${what}（理由：${d.reason}）`;
  },
  CalendarYearImported: (d) =>
    `导入 ${d.year} 年节假日安排（放假 ${Object.keys(d.calendar.holidays).length} 天，调休上班 ${Object.keys(d.calendar.makeupWorkdays).length} 天；来源 ${d.calendar.source}）`,
};

export const PLATFORM_SUMMARY_CATALOGUE = summaryCatalogue<PlatformEvent>('platform', PLATFORM_SUMMARIES);
