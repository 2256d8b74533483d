/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset gives its
 * civil date. One home for it: days, "today" and "not in the future" are Shanghai days here.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar date (YYYY-MM-DD) of an ISO-8601 instant. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
