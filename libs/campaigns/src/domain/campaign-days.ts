import { campaignError } from './campaign-errors';

/**
 * Calendar days as campaign notices write them (5月15日–20日, 2月28日前): `YYYY-MM-DD` strings,
 * compared as text (their order is the calendar's). Pure arithmetic, no clock.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of a year (the Gregorian leap rule). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day `YYYY-MM-DD` (no 2月30日), else 400 CAMPAIGN.DATE_INVALID naming `field`. */
export function requireDay(value: unknown, field: string): string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw campaignError('DATE_INVALID', `${field} must be a calendar date YYYY-MM-DD`, field);
  }
  return value as string;
}

export function dayOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return dayOf(year, month, daysInMonth(year, month));
}

/** The last day of the quarter of `day` (3月31日, 6月30日, 9月30日, 12月31日). */
export function quarterEnd(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Math.ceil(Number(day.slice(5, 7)) / 3) * 3;
  return dayOf(year, month, daysInMonth(year, month));
}

/** The first day after `day`. */
export function nextDay(day: string): string {
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  if (date < daysInMonth(year, month)) return dayOf(year, month, date + 1);
  return month < 12 ? dayOf(year, month + 1, 1) : dayOf(year + 1, 1, 1);
}

/** The first day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the quarter of `day` (1月1日, 4月1日, 7月1日, 10月1日). */
export function quarterStart(day: string): string {
  const month = (Math.ceil(Number(day.slice(5, 7)) / 3) - 1) * 3 + 1;
  return dayOf(Number(day.slice(0, 4)), month, 1);
}
