import { Actor, Clock, SYSTEM_ACTOR } from '@bihuan/core';
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
  private importer: Actor = SYSTEM_ACTOR;
  private readonly repository: EventSourcedCalendarRepository;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
  ) {
    this.repository = new EventSourcedCalendarRepository(
      store,
      () => this.importer,
      () => this.clock.now().toISOString(),
    );
  }

  async current(): Promise<WorkingCalendar> {
    const revision = await this.repository.revision();
    if (revision !== this.loadedRevision) {
      await this.provider.reload(this.repository);
      this.loadedRevision = revision;
    }
    return this.provider.current();
  }

  /** Validates and imports a year (file contents as parsed JSON); returns the new calendar version. */
  async importYear(json: unknown, by: Actor): Promise<{ year: number; version: string }> {
    const year = parseCalendarImport(json);
    this.importer = by;
    try {
      await this.repository.save(year);
    } finally {
      this.importer = SYSTEM_ACTOR;
    }
    const calendar = await this.current();
    return { year: year.year, version: calendar.version };
  }
}
