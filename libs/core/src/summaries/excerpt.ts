/** Enough of a finding's description or a referral's reason to tell one case from another on a list. */
export const EXCERPT_LENGTH = 40;

/** Han characters, CJK punctuation (。、「」) and full-width forms (，；：（）). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * What a run of whitespace becomes on one line: a line break next to a Chinese character or mark
 * joins the two sides, as Chinese is written without spaces (红包，\n经查 → 红包，经查); any other run is one space.
 */
function joint(run: string, before: string, after: string): string {
  return /[\r\n]/.test(run) && (CJK.test(before) || CJK.test(after)) ? '' : ' ';
}

/**
 * A line of free text fit to name a case among others (a to-do item, a notification's title):
 * runs of whitespace become one space (a line break next to Chinese, nothing), and text longer than `max` characters
 * ends in "…" after its first `max`. Characters are code points, so 𠮷 counts once and is never
 * cut in half.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const line = text
    .trim()
    .replace(/\s+/g, (run, at: number, whole: string) => joint(run, whole[at - 1] ?? '', whole[at + run.length] ?? ''));
  if (line.length <= max) return line;
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}
