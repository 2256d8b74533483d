import { SHANGHAI_OFFSET_MS } from '../shanghai-time';

function shanghai(instant: string): Date | null {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms + SHANGHAI_OFFSET_MS);
}

/**
 * `2026年1月9日`: the Beijing date an ISO instant (or a `YYYY-MM-DD` date) falls on, as offices
 * write it. Anything unreadable comes back as given, so a summary never throws on odd data.
 */
export function chineseDate(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(instant) ? new Date(`${instant}T00:00:00.000Z`) : shanghai(instant);
  if (!d || Number.isNaN(d.getTime())) return instant;
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `2026年1月9日 14:30`: date and Beijing wall-clock time. */
export function chineseDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = shanghai(instant);
  if (!d) return instant;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${chineseDate(instant)} ${hh}:${mm}`;
}

/** `（15个工作日）` when a limit was counted in working days, else nothing. */
export function workingDaysNote(workingDays: number | null | undefined): string {
  return typeof workingDays === 'number' && workingDays > 0 ? `（${workingDays}个工作日）` : '';
}
