/** Mainland China has kept UTC+8 all year since 1991 (no DST), so a fixed offset is exact. */
const OFFSET_MS = 8 * 3_600_000;

/** `2025-03-03 09:00:00` in Asia/Shanghai, for dossiers (the ISO instant stays in the JSON block). */
export function shanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside a <script> element: no `<`, `>`, `&`, U+2028/9 appear literally. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
