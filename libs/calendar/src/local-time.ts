import { SHANGHAI_OFFSET_MS } from '@bihuan/core';
import { CalendarArgumentError } from './calendar.errors';

/**
 * Asia/Shanghai is a fixed offset (@bihuan/core's SHANGHAI_OFFSET_MS, re-exported for the calendar's
 * users). Days are numbered from 1970-01-01 (Shanghai) to make stepping cheap.
 */
export { SHANGHAI_OFFSET_MS };
export const DAY_MS = 86_400_000;

/** An instant as the calendar accepts it: a Date or an ISO-8601 string with an explicit offset. */
export type Instant = Date | string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Epoch milliseconds of an instant. Strings must carry `Z` or `±hh:mm`: a string without an offset
 * would be read in the host's zone, which differs between machines.
 */
export function toEpochMs(instant: Instant, field = 'instant'): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new CalendarArgumentError(field, 'invalid Date');
    return ms;
  }
  if (typeof instant !== 'string' || !ISO_INSTANT.test(instant)) {
    throw new CalendarArgumentError(field, `expected an ISO-8601 instant with offset, got ${JSON.stringify(instant)}`);
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new CalendarArgumentError(field, `unparseable instant ${instant}`);
  return ms;
}

/** ISO string (UTC, `Z`) of epoch milliseconds: the form recorded on deadline events. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Shanghai day number containing the instant. */
export function dayOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** First instant (00:00:00.000 Shanghai) of a day. */
export function dayStart(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Exclusive end of a day = start of the next day. */
export function dayEnd(day: number): number {
  return dayStart(day + 1);
}

/**
 * 00:00 Shanghai of the day after `instant`, in epoch ms: a working-day count ("within n working
 * days, counted from the day after") never counts the day it starts on.
 */
export function countingStartsAt(instant: string): number {
  return dayEnd(dayOf(Date.parse(instant)));
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date, rejecting impossible dates such as 2025-02-30. */
export function dateToDay(date: string, field = 'date'): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw new CalendarArgumentError(field, `expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  if (dayToDate(day) !== date) throw new CalendarArgumentError(field, `no such date ${date}`);
  return day;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Gregorian year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
