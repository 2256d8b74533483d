import { createHash } from 'node:crypto';
import type { CalendarYearData } from './calendar-year';
import { HolidayRuleSet } from './holiday-rules';
import { provisionalYear, ruleSetFor } from './provisional-year';

export type { CalendarYearData, LocalDate } from './calendar-year';

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as string;
  return out;
}

/** Canonical JSON of a year (fixed key order, dates sorted): what the content hash is taken over. */
export function canonicalYearJson(data: CalendarYearData): string {
  return JSON.stringify({
    year: data.year,
    source: data.source,
    holidays: sortedRecord(data.holidays),
    makeupWorkdays: sortedRecord(data.makeupWorkdays),
  });
}

/** First 12 hex digits of SHA-256 over the canonical JSON: identifies imported content in versions. */
export function yearContentHash(data: CalendarYearData): string {
  return createHash('sha256').update(canonicalYearJson(data), 'utf8').digest('hex').slice(0, 12);
}

/** A year as the calendar will use it: official data, or provisional data and the rule set behind it. */
export interface ResolvedYear {
  readonly data: CalendarYearData;
  /** Set when the year is provisional (no official data): the rule set that computed it. */
  readonly ruleSet?: HolidayRuleSet;
}

/**
 * An immutable set of calendar years with a version string. The version is recorded on every
 * deadline (`calendarVersion`), so it must change whenever the data that decides a day changes:
 * `<base>` for the built-in data, plus `+<year>@<hash>` for each imported year, in year order,
 * e.g. `cn@chinese-days-1.5.7+2027@15e6615f18a1`. A year with no official data is computed from the
 * holiday rule set in force for it (a provisional year); computations touching it add
 * `+provisional:<year>@<rule set id>` (see {@link WorkingCalendar.versionBetween}), not this version.
 */
export class CalendarData {
  private readonly provisional = new Map<number, CalendarYearData>();

  private constructor(
    readonly baseVersion: string,
    private readonly byYear: ReadonlyMap<number, CalendarYearData>,
    private readonly importedHashes: ReadonlyMap<number, string>,
    /** Holiday rule sets for provisional years, ascending by `effectiveFrom`. */
    readonly ruleSets: readonly HolidayRuleSet[],
  ) {}

  /** A data set from built-in years (no imports yet) and the rule sets for years without data. */
  static of(baseVersion: string, years: readonly CalendarYearData[], ruleSets: readonly HolidayRuleSet[] = []): CalendarData {
    const map = new Map<number, CalendarYearData>();
    for (const y of years) map.set(y.year, y);
    return new CalendarData(
      baseVersion,
      map,
      new Map(),
      [...ruleSets].sort((a, b) => a.effectiveFrom - b.effectiveFrom),
    );
  }

  /** The version string of the official data (see class doc). */
  get version(): string {
    const imports = [...this.importedHashes.entries()].sort(([a], [b]) => a - b).map(([y, h]) => `+${y}@${h}`);
    return this.baseVersion + imports.join('');
  }

  /**
   * A new data set with `data` added, or replacing the year it names (a corrected notice replaces a
   * built-in or earlier import, and an official year replaces a provisional one). Importing
   * identical content again leaves the version unchanged.
   */
  withYear(data: CalendarYearData): CalendarData {
    const years = new Map(this.byYear);
    years.set(data.year, data);
    const hashes = new Map(this.importedHashes);
    hashes.set(data.year, yearContentHash(data));
    return new CalendarData(this.baseVersion, years, hashes, this.ruleSets);
  }

  /** The official data for a year (built in or imported), or undefined. */
  year(year: number): CalendarYearData | undefined {
    return this.byYear.get(year);
  }

  /**
   * The data the calendar uses for a year: the official data, else the provisional year computed
   * from the rule set in force (memoised: a pure function of year and rule set), else undefined
   * (no data and no rule set governs the year, e.g. before 2014 or past the lunar tables).
   */
  resolve(year: number): ResolvedYear | undefined {
    const official = this.byYear.get(year);
    if (official) return { data: official };
    const ruleSet = ruleSetFor(this.ruleSets, year);
    if (!ruleSet) return undefined;
    let data = this.provisional.get(year);
    if (!data) this.provisional.set(year, (data = provisionalYear(year, ruleSet)));
    return { data, ruleSet };
  }

  /** The rule set a year is computed from when it is provisional; undefined for official or unknown years. */
  provisionalRuleSet(year: number): HolidayRuleSet | undefined {
    return this.byYear.has(year) ? undefined : ruleSetFor(this.ruleSets, year);
  }

  /** Whether the year has no official data and is computed provisionally. */
  isProvisional(year: number): boolean {
    return this.provisionalRuleSet(year) !== undefined;
  }

  /** The provisional years in [from, to], ascending (e.g. `provisionalYears(2026, 2027)` → `[2027]`). */
  provisionalYears(from: number, to: number): number[] {
    const out: number[] = [];
    for (let y = Math.min(from, to); y <= Math.max(from, to); y += 1) if (this.isProvisional(y)) out.push(y);
    return out;
  }

  /** Years with official data (built in or imported), ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** Years that came from imports (ascending), with their content hash. */
  importedYears(): { year: number; hash: string }[] {
    return [...this.importedHashes.entries()].sort(([a], [b]) => a - b).map(([year, hash]) => ({ year, hash }));
  }
}
