import { Actor, Clock } from '@bihuan/core';
import { CalendarProvider, parseCalendarImport, WorkingCalendar } from '@bihuan/calendar';
import { EventStore } from '@bihuan/event-store';
import { EventSourcedCalendarRepository } from './event-sourced-calendar.repository';

/**
 * The working-day calendar in force, for every process: built-in years plus the years imported
 * into the log. `current()` reloads when another process imported a year since the last call.
 */
export class CalendarService {
  private readonly provider = new CalendarProvider();
  private loadedRevision: number | null = null;
  private readonly repository: EventSourcedCalendarRepository;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
  ) {
    this.repository = new EventSourcedCalendarRepository(store, () => this.clock.now().toISOString());
  }

  async current(): Promise<WorkingCalendar> {
    const loaded = this.loadedRevision;
    if (loaded === null || (await this.repository.hasEventsFrom(loaded + 1))) {
      const revision = await this.repository.revision();
      await this.provider.reload(this.repository);
      this.loadedRevision = revision;
    }
    return this.provider.current();
  }

  /**
   * Validates and imports a year (file contents as parsed JSON); returns the calendar version in
   * force after it. The same file again writes nothing and answers the same version.
   */
  async importYear(json: unknown, by: Actor): Promise<{ year: number; version: string }> {
    const year = parseCalendarImport(json);
    await this.repository.save(year, by);
    const calendar = await this.current();
    return { year: year.year, version: calendar.version };
  }
}
