import { CalendarData, CalendarYearData } from './calendar-data';
import { CalendarRepository } from './calendar.repository';
import { builtInCalendarData } from './chinese-days.data';
import { WorkingCalendar } from './working-calendar';

/**
 * Holds the calendar currently in force. Deadlines already computed keep the version they recorded;
 * a new import only affects deadlines computed after it. No Nest here: the app wraps it.
 */
export class CalendarProvider {
  private calendar: WorkingCalendar;

  constructor(private readonly base: CalendarData = builtInCalendarData()) {
    this.calendar = new WorkingCalendar(base);
  }

  /** A provider with the built-in data plus every year the repository holds. */
  static async fromRepository(repository: CalendarRepository, base?: CalendarData): Promise<CalendarProvider> {
    const provider = new CalendarProvider(base);
    await provider.reload(repository);
    return provider;
  }

  /** The calendar in force. */
  current(): WorkingCalendar {
    return this.calendar;
  }

  /** Swaps in a calendar with `year` added or replaced (memory only; see {@link importAndSave}). */
  import(year: CalendarYearData): WorkingCalendar {
    this.calendar = new WorkingCalendar(this.calendar.data.withYear(year));
    return this.calendar;
  }

  /** Saves first, then swaps: memory is never ahead of storage. */
  async importAndSave(year: CalendarYearData, repository: CalendarRepository): Promise<WorkingCalendar> {
    await repository.save(year);
    return this.import(year);
  }

  /** Rebuilds from the built-in data and the repository (e.g. another process imported a year). */
  async reload(repository: CalendarRepository): Promise<WorkingCalendar> {
    let data = this.base;
    for (const year of await repository.load()) data = data.withYear(year);
    this.calendar = new WorkingCalendar(data);
    return this.calendar;
  }
}
