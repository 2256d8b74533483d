import { SHANGHAI_OFFSET_MS, shanghaiDateTime } from '@bihuan/core';
import { WorkingCalendar, builtInCalendarData } from '@bihuan/calendar';

/**
 * Plain-text printing for the demo: columns that line up with Chinese text (a CJK character is
 * two columns wide in a terminal), and instants shown in Asia/Shanghai (UTC+8, no DST).
 */

/** Display width of a string: wide (CJK, full-width) characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Cuts to `width` columns (ending in …) and pads with spaces to exactly `width`. */
export function fit(text: string, width: number): string {
  let out = '';
  let used = 0;
  const chars = [...text.replace(/\s+/g, ' ')];
  const total = displayWidth(text.replace(/\s+/g, ' '));
  for (const ch of chars) {
    const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (total > width && used + w > width - 1) {
      out += '…';
      used += 1;
      break;
    }
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

/** A table: header row, a rule, then the rows; columns separated by two spaces. */
export function table(headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => fit(c, widths[i] ?? 10))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/** `2025-03-24 23:59` in Asia/Shanghai; '—' for none. */
export function shanghaiTime(instant: unknown): string {
  if (typeof instant !== 'string') return '—';
  return Number.isNaN(Date.parse(instant)) ? '—' : shanghaiDateTime(instant).slice(0, 16);
}

/** `2025-03-24` in Asia/Shanghai; '—' for none. */
export function shanghaiDay(instant: unknown): string {
  return shanghaiTime(instant).slice(0, 10);
}

let WORKING_CALENDAR: WorkingCalendar | undefined;

/**
 * `hour`:00 Shanghai time on the first working day after the day of `instant` (the built-in
 * mainland calendar, holidays and 调休 included) — so the story's people act on working days.
 */
export function nextWorkingMorning(instant: string, hour = 9): string {
  const dayMs = 86_400_000;
  const calendar = (WORKING_CALENDAR ??= new WorkingCalendar(builtInCalendarData()));
  let midnight = Math.floor((Date.parse(instant) + SHANGHAI_OFFSET_MS) / dayMs) * dayMs; // Shanghai date, as UTC midnight
  do midnight += dayMs;
  while (!calendar.isWorkingDay(new Date(midnight).toISOString().slice(0, 10)));
  return new Date(midnight - SHANGHAI_OFFSET_MS + hour * 3_600_000).toISOString();
}

/** Where the demo writes: one line at a time (the CLI's io.out, or a test's buffer). */
export interface DemoOutput {
  line(text?: string): void;
}

/** `== 1. Inspection story — 暗访与整改台账 ==` */
export function heading(out: DemoOutput, text: string): void {
  out.line('');
  out.line(`== ${text} ==`);
}

/** `  ✓ step-name  what happened` — one line per successful step. */
export function ok(out: DemoOutput, step: string, text: string): void {
  out.line(`  ✓ ${step.padEnd(26)} ${text}`);
}
