/** Enough of a finding's description or a referral's reason to tell one case from another on a list. */
export const EXCERPT_LENGTH = 40;

/**
 * A line of free text fit to name a case among others (a to-do item, a notification's title):
 * runs of whitespace and line breaks become one space, and text longer than `max` characters
 * ends in "…" after its first `max`. Characters are code points, so 𠮷 counts once and is never
 * cut in half.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}
