import { CalendarYearData } from './calendar-data';

/**
 * Where imported calendar years live (the built-in years come with the code). Years are imported
 * at run time because the State Council publishes next year's calendar each November.
 */
export interface CalendarRepository {
  /** All imported years, ascending by year (the latest import of each year). */
  load(): Promise<CalendarYearData[]>;
  /** Stores a year, replacing an earlier import of the same year. */
  save(year: CalendarYearData): Promise<void>;
}

/** For tests and the embedded demo: imports kept in memory. */
export class InMemoryCalendarRepository implements CalendarRepository {
  private readonly years = new Map<number, CalendarYearData>();

  async load(): Promise<CalendarYearData[]> {
    return [...this.years.values()].sort((a, b) => a.year - b.year);
  }

  async save(year: CalendarYearData): Promise<void> {
    this.years.set(year.year, year);
  }
}
