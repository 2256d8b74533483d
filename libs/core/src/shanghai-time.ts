/**
 * Local time in Asia/Shanghai. Mainland China has kept UTC+8 all year since 1991 (no DST), so a
 * fixed offset is exact and no time-zone database is needed. The one home of that offset.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD`: the Shanghai date an ISO instant falls on. */
export function shanghaiDate(instant: string): string {
  return shanghaiDateTime(instant).slice(0, 10);
}

/** `YYYY-MM-DD HH:mm:ss`: an ISO instant as a Shanghai wall clock shows it. */
export function shanghaiDateTime(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms of 00:00 Shanghai on a `YYYY-MM-DD` date (NaN for a malformed date). */
export function shanghaiDayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;
}
