import { SHANGHAI_OFFSET_MS } from '@bihuan/core';
import { provisionalMarksOf, WorkingCalendar } from '@bihuan/calendar';

/** What operators must know ahead of the year end (docs/calendar.md, "Yearly routine"). */
export interface CalendarOutlook {
  /** The Shanghai year after the current one. */
  readonly nextYear: number;
  /** True from 1 November (Shanghai) while next year is not imported (it would be provisional). */
  readonly nextYearMissing: boolean;
  /** True when the current year itself is not imported (the notice came late): worse than the above. */
  readonly currentYearMissing: boolean;
  /** Pending or paused deadlines computed on a provisional year, per year (`{ "2027": 3 }`). */
  readonly provisionalPending: Readonly<Record<string, number>>;
}

/**
 * From 1 November, next year missing means deadlines are being computed on the rules alone and
 * will be recomputed when it is imported; the counts say how many. `versions` are the calendar
 * versions of the pending deadlines with their counts (pending-deadlines read model).
 */
export function calendarOutlook(
  calendar: WorkingCalendar,
  now: Date,
  versions: readonly { calendarVersion: string; count: number }[],
): CalendarOutlook {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const fromNovember = local.getUTCMonth() >= 10;
  const provisionalPending: Record<string, number> = {};
  for (const { calendarVersion, count } of versions) {
    for (const mark of provisionalMarksOf(calendarVersion)) provisionalPending[mark.year] = (provisionalPending[mark.year] ?? 0) + count;
  }
  return {
    nextYear: year + 1,
    nextYearMissing: fromNovember && calendar.isProvisional(year + 1),
    currentYearMissing: calendar.isProvisional(year),
    provisionalPending,
  };
}
