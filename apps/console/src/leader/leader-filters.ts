import dayjs from 'dayjs';
import type { operations } from '../client/schema.gen';
import { PATHS } from '../routes';
import { BEIJING } from '../shared/time';

type FindingsQuery = NonNullable<operations['FindingsController_list']['parameters']['query']>;

/** A period of Beijing dates (YYYY-MM-DD, both inclusive); an open end is unbounded. */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/** The filters of the drill-down list, as its URL carries them (so a link, a reload or 返回 keeps them). */
export const DRILL_KEYS = [
  'institutionId',
  'category',
  'status',
  'active',
  'overdue',
  'escalationRung',
  'from',
  'to',
  'signedOffFrom',
  'signedOffTo',
] as const;
export type DrillKey = (typeof DRILL_KEYS)[number];
export type DrillFilter = Partial<Record<DrillKey, string>>;

/** The period of a page's URL (`?from=&to=`), only well-formed dates. */
export function periodOf(params: URLSearchParams): Period {
  const date = (key: string) => {
    const value = params.get(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  return { ...(date('from') ? { from: date('from') } : {}), ...(date('to') ? { to: date('to') } : {}) };
}

export function drillFilterOf(params: URLSearchParams): DrillFilter {
  return Object.fromEntries(DRILL_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : []))) as DrillFilter;
}

/** The list's URL for a figure's rows: the figure's own filter within the dashboard's period. */
export function drillPath(filter: DrillFilter, period: Period = {}): string {
  const query = new URLSearchParams(Object.entries({ ...period, ...filter }).filter((e): e is [string, string] => Boolean(e[1])));
  return `${PATHS.leaderFindings}?${query.toString()}`;
}

/** GET /findings's query for the filter: its switches as booleans. */
export function findingsQueryOf(filter: DrillFilter): FindingsQuery {
  const flag = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : undefined);
  const { active, overdue, ...rest } = filter;
  return {
    ...(rest as Omit<FindingsQuery, 'active' | 'overdue'>),
    ...(flag(active) !== undefined ? { active: flag(active) } : {}),
    ...(flag(overdue) !== undefined ? { overdue: flag(overdue) } : {}),
  };
}

/** The complaints' period: received at or after 00:00 Beijing on `from`, before 00:00 the day after `to`. */
export function receivedRange(period: Period): { from?: string; to?: string } {
  const start = (date: string, days = 0) => dayjs.tz(`${date} 00:00`, BEIJING).add(days, 'day').toISOString();
  return { ...(period.from ? { from: start(period.from) } : {}), ...(period.to ? { to: start(period.to, 1) } : {}) };
}

/** A month (YYYY-MM) as the days of it within the period: what a trend's bar drills down to. */
export function monthWithin(month: string, period: Period): { from: string; to: string } {
  const first = `${month}-01`;
  const last = dayjs(first).endOf('month').format('YYYY-MM-DD');
  return {
    from: period.from && period.from > first ? period.from : first,
    to: period.to && period.to < last ? period.to : last,
  };
}

/** 2025年3月 */
export const monthWords = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 0.9231 → 92.3%; — where nothing was counted. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
