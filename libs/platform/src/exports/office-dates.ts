import { shanghaiDateTime } from '@bihuan/core';

/**
 * Spreadsheet dates have no time zone: a cell holds a wall-clock day. These make the Date whose UTC
 * fields are the Asia/Shanghai wall clock of an instant, which exceljs writes as that serial date,
 * so an office opening the file sees the day it happened in Beijing (also when the server runs in UTC).
 */
export function shanghaiDateCell(instant: string | null | undefined): Date | null {
  const at = shanghaiDateTimeCell(instant);
  return at === null ? null : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The Asia/Shanghai wall-clock date and time of an instant, as a date cell (minutes kept). */
export function shanghaiDateTimeCell(instant: string | null | undefined): Date | null {
  if (!instant || Number.isNaN(Date.parse(instant))) return null;
  return new Date(`${shanghaiDateTime(instant).replace(' ', 'T')}.000Z`);
}

/** 2025年3月24日 — how a title or a signature line writes a Shanghai day. */
export function shanghaiDateWords(instant: string): string {
  const [y, m, d] = shanghaiDateTime(instant).slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2025年3月24日 14:05 (北京时间) — an instant in a title. */
export function shanghaiInstantWords(instant: string): string {
  return `${shanghaiDateWords(instant)} ${shanghaiDateTime(instant).slice(11, 16)}`;
}

/** Cell formats: a day, and a day with minutes. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
