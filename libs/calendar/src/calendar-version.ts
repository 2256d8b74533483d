/**
 * The provisional part of a `calendarVersion` (docs/calendar.md, "Version string"): a computation
 * that used a provisional year appends `+provisional:<year>@<rule set id>` for each such year, in
 * year order, to the official version, e.g.
 * `cn@chinese-days-1.5.7+provisional:2027@statutory-2025`. Official versions are unchanged, so a
 * version without `+provisional:` is official.
 */
export interface ProvisionalMark {
  readonly year: number;
  readonly ruleSetId: string;
}

const MARK = /\+provisional:(\d{4})@([a-z0-9][a-z0-9-]*)/g;

/** `version` with a `+provisional:<year>@<rule set>` segment per mark (ascending by year). */
export function withProvisionalMarks(version: string, marks: readonly ProvisionalMark[]): string {
  return (
    version +
    [...marks]
      .sort((a, b) => a.year - b.year)
      .map((m) => `+provisional:${m.year}@${m.ruleSetId}`)
      .join('')
  );
}

/**
 * The provisional years a recorded `calendarVersion` depends on (empty for an official version):
 * what an import of the official year looks for to find the deadlines to recompute.
 */
export function provisionalMarksOf(calendarVersion: string): ProvisionalMark[] {
  return [...calendarVersion.matchAll(MARK)].map((m) => ({ year: Number(m[1]), ruleSetId: m[2] as string }));
}

/** True when a recorded `calendarVersion` used a provisional year: what views show as "provisional". */
export function isProvisionalVersion(calendarVersion: string): boolean {
  return provisionalMarksOf(calendarVersion).length > 0;
}
