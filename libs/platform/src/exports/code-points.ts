/**
 * Text lengths as people count them: in Unicode code points, so a character outside the BMP (𠮷, 😀),
 * two UTF-16 units in JS, counts once and is never cut in half (a lone half is written as U+FFFD).
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` code points of `text` (whole characters only); the text itself when shorter. */
export function clipCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ === max) break;
    out += ch;
  }
  return out;
}
