import { createHash } from 'node:crypto';

/** `YYYY-MM-DD`, a calendar date in Asia/Shanghai. */
export type LocalDate = string;

/**
 * One year of the mainland-China calendar as the State Council publishes it. Days not listed follow
 * the week: Monday–Friday work, Saturday–Sunday off. `holidays` are days off (they may include the
 * weekend days inside a holiday block); `makeupWorkdays` (调休上班) are weekend days that are worked.
 */
export interface CalendarYearData {
  readonly year: number;
  readonly holidays: Readonly<Record<LocalDate, string>>;
  readonly makeupWorkdays: Readonly<Record<LocalDate, string>>;
  /** Where the data comes from: a notice number (国办发明电〔2025〕7号) or `chinese-days@1.5.7`. */
  readonly source: string;
}

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

/**
 * An immutable set of calendar years with a version string. The version is recorded on every
 * deadline (`calendarVersion`), so it must change whenever the data that decides a day changes:
 * `<base>` for the built-in data, plus `+<year>@<hash>` for each imported year, in year order,
 * e.g. `cn@chinese-days-1.5.7+2027@15e6615f18a1`.
 */
export class CalendarData {
  private constructor(
    readonly baseVersion: string,
    private readonly byYear: ReadonlyMap<number, CalendarYearData>,
    private readonly importedHashes: ReadonlyMap<number, string>,
  ) {}

  /** A data set from built-in years (no imports yet). */
  static of(baseVersion: string, years: readonly CalendarYearData[]): CalendarData {
    const map = new Map<number, CalendarYearData>();
    for (const y of years) map.set(y.year, y);
    return new CalendarData(baseVersion, map, new Map());
  }

  /** The version string (see class doc). */
  get version(): string {
    const imports = [...this.importedHashes.entries()].sort(([a], [b]) => a - b).map(([y, h]) => `+${y}@${h}`);
    return this.baseVersion + imports.join('');
  }

  /**
   * A new data set with `data` added, or replacing the year it names (a corrected notice replaces a
   * built-in or earlier import). Importing identical content again leaves the version unchanged.
   */
  withYear(data: CalendarYearData): CalendarData {
    const years = new Map(this.byYear);
    years.set(data.year, data);
    const hashes = new Map(this.importedHashes);
    hashes.set(data.year, yearContentHash(data));
    return new CalendarData(this.baseVersion, years, hashes);
  }

  /** The data for a year, or undefined when the calendar does not know it. */
  year(year: number): CalendarYearData | undefined {
    return this.byYear.get(year);
  }

  /** Years covered, ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** Years that came from imports (ascending), with their content hash. */
  importedYears(): { year: number; hash: string }[] {
    return [...this.importedHashes.entries()].sort(([a], [b]) => a - b).map(([year, hash]) => ({ year, hash }));
  }
}
