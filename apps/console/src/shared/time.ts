import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every date people read is Beijing time, wherever the browser is. */
export const BEIJING = 'Asia/Shanghai';

/** Today's calendar date in Beijing (YYYY-MM-DD), what date fields of the API expect. */
export function beijingToday(): string {
  return dayjs().tz(BEIJING).format('YYYY-MM-DD');
}

/** An instant as Beijing date and time, e.g. 2026-12-04 09:30. */
export function beijingDateTime(instant: string | null | undefined): string {
  return instant ? dayjs(instant).tz(BEIJING).format('YYYY-MM-DD HH:mm') : '—';
}

/** An instant (or a calendar date) as a Beijing date, e.g. 2026-12-04. */
export function beijingDate(instant: string | null | undefined): string {
  if (!instant) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(instant) ? instant : dayjs(instant).tz(BEIJING).format('YYYY-MM-DD');
}

/** A calendar date as an official document prints it: 2025-04-01 → 2025年4月1日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Chinese words for working days left: 剩 3 个工作日 / 今日到期 / 逾期 2 个工作日. */
export function workingDaysText(left: number | null | undefined): string {
  if (left === null || left === undefined) return '';
  if (left > 0) return `剩 ${left} 个工作日`;
  if (left === 0) return '今日到期';
  return `逾期 ${-left} 个工作日`;
}

/** Beijing has kept UTC+8 all year since 1991: a wall-clock time there is this offset from UTC. */
const BEIJING_OFFSET = '+08:00';

/**
 * A wall-clock time typed or picked as Beijing time (`YYYY-MM-DD HH:mm`, what a date-time picker
 * shows) as the instant ending that minute: 截至 10:30 includes what was recorded at 10:30:20.
 */
export function beijingMinuteEnd(wall: string): string {
  return new Date(`${wall.replace(' ', 'T')}:59.999${BEIJING_OFFSET}`).toISOString();
}

/** The instant ending a Beijing calendar day (YYYY-MM-DD). */
export function beijingDayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999${BEIJING_OFFSET}`).toISOString();
}

/** The end of every Beijing day from `from`'s to `to`'s, the latest `limit` of them. */
export function beijingDayEnds(from: string, to: string, limit = 731): string[] {
  const last = beijingDate(to);
  const days: string[] = [];
  for (let day = dayjs(beijingDate(from)); !day.isAfter(dayjs(last)); day = day.add(1, 'day'))
    days.push(beijingDayEnd(day.format('YYYY-MM-DD')));
  return days.slice(-limit);
}
