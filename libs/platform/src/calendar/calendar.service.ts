import { performance } from 'node:perf_hooks';
import { Actor, Clock } from '@bihuan/core';
import { CalendarProvider, parseCalendarImport, WorkingCalendar } from '@bihuan/calendar';
import { EventStore } from '@bihuan/event-store';
import { EventSourcedCalendarRepository } from './event-sourced-calendar.repository';

/**
 * How long a process trusts the calendar it loaded before it looks for another process's import
 * (ms). Every write asks for the calendar; looking each time was a read of the log per command —
 * the first read after a read-model commit, so the costliest of the command's reads (issue 14,
 * item 6). A year is imported a few times a year; a command decided in the second after another
 * process's import is the same race as one decided just before it. This process's own imports,
 * and callers that know of an import (`includes`), never wait for the window.
 */
export const CALENDAR_RECHECK_MS = 1_000;

export interface CalendarFreshness {
  readonly recheckMs: number;
  /** A monotonic time in ms (not the domain clock: this measures how old the loaded data is). */
  readonly monotonicMs: () => number;
}

const DEFAULT_FRESHNESS: CalendarFreshness = { recheckMs: CALENDAR_RECHECK_MS, monotonicMs: () => performance.now() };

/**
 * The working-day calendar in force, for every process: built-in years plus the years imported
 * into the log. `current()` reloads when an import happened since the last look (see
 * CALENDAR_RECHECK_MS for how often it looks).
 */
export class CalendarService {
  private readonly provider = new CalendarProvider();
  private loadedRevision: number | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly repository: EventSourcedCalendarRepository;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
    private readonly freshness: CalendarFreshness = DEFAULT_FRESHNESS,
  ) {
    this.repository = new EventSourcedCalendarRepository(store, () => this.clock.now().toISOString());
  }

  /**
   * The calendar in force. `includes`: the caller has seen the import at this revision of the
   * calendar stream (e.g. the deadline recomputation handling that very event), so the answer must
   * include it, whatever the window says.
   */
  async current(includes?: { readonly revision: number }): Promise<WorkingCalendar> {
    const loaded = this.loadedRevision;
    if (loaded === null || (includes ? loaded < includes.revision : await this.importedSinceLastLook(loaded))) await this.reload();
    return this.provider.current();
  }

  /**
   * Validates and imports a year (file contents as parsed JSON); returns the calendar version in
   * force after it. The same file again writes nothing and answers the same version.
   */
  async importYear(json: unknown, by: Actor): Promise<{ year: number; version: string }> {
    const year = parseCalendarImport(json);
    await this.repository.save(year, by);
    await this.reload();
    return { year: year.year, version: this.provider.current().version };
  }

  private async importedSinceLastLook(loaded: number): Promise<boolean> {
    const now = this.freshness.monotonicMs();
    if (now - this.checkedAt < this.freshness.recheckMs) return false;
    this.checkedAt = now;
    return this.repository.hasEventsFrom(loaded + 1);
  }

  private async reload(): Promise<void> {
    const checkedAt = this.freshness.monotonicMs();
    const revision = await this.repository.revision();
    await this.provider.reload(this.repository);
    this.loadedRevision = revision;
    this.checkedAt = checkedAt;
  }
}
