import {
  Clock,
  DeadlineBook,
  DeadlineEvent,
  deterministicId,
  evolveDeadlines,
  isDeadlineEvent,
  isDomainError,
  isEventOf,
  RecomputeDeadline,
  SYSTEM_ACTOR,
} from '@bihuan/core';
import { provisionalMarksOf, WorkingCalendar } from '@bihuan/calendar';
import { EventFilter, EventStore, RecordedEvent } from '@bihuan/event-store';
import { CommandSender, PendingDeadline, Projection } from '@bihuan/processing';
import { CalendarService } from './calendar.service';
import { CALENDAR_EVENTS, CALENDAR_STREAM } from './calendar.decider';
import { recomputedTerms } from './recomputed-terms';

export interface DeadlineRecomputeDeps {
  readonly store: EventStore;
  readonly calendar: CalendarService;
  readonly clock: Clock;
  /** The category's own sender or decider (the worker's CommandRouter). */
  readonly commands: CommandSender;
  /** The pending-deadlines read model, and a wait until it has seen the log up to a position. */
  readonly pending: { pending(): PendingDeadline[] | Promise<PendingDeadline[]> };
  readonly pendingCaughtUpTo: (position: number) => Promise<void>;
  /** A deadline whose stream refused the recompute (reported, not retried). */
  readonly onRefused?: (stream: string, deadlineId: string, error: unknown) => void;
}

/** The provisional years a pending deadline's version names (`+provisional:<year>@…`). */
export function provisionalYearsOf(row: Pick<PendingDeadline, 'calendarVersion'>): number[] {
  return provisionalMarksOf(row.calendarVersion).map((m) => m.year);
}

/**
 * Issue 12, part 3: when a calendar year is imported (`CalendarYearImported` in `calendar-cn`, from
 * the CLI or the admin API), every pending or paused deadline computed provisionally for that year
 * is recomputed with the new calendar — one `RecomputeDeadline` to its own stream, whose decider
 * validates and records `DeadlineRecomputed` (core `decideRecompute`); the deadline-timers workflow
 * then re-arms its timers.
 *
 * Why a checkpointed processor rather than a recorded workflow: its outputs come from a read-model
 * query (which deadlines are provisional) that a pure workflow cannot make. Rule 4's guarantees
 * still hold: the checkpoint moves only after every deadline was handled; after a crash the import
 * is handled again, the deadlines already recomputed are no longer provisional for the year (and
 * their command ids, from deadline + import, make a resend a no-op); the decider answers [] to a
 * recompute whose previous dueAt/version no longer match, and never rewrites an expired or cleared one.
 */
export class DeadlineRecomputeProcessor implements Projection {
  readonly name = 'deadlineRecompute';
  readonly filter: EventFilter = { categories: [CALENDAR_STREAM.split('-')[0]!], eventTypes: ['CalendarYearImported'] };

  constructor(private readonly deps: DeadlineRecomputeDeps) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (!isEventOf(CALENDAR_EVENTS, event) || event.streamName !== CALENDAR_STREAM) return;
    const { year, contentHash } = event.data;
    await this.deps.pendingCaughtUpTo(event.position);
    const rows = (await this.deps.pending.pending()).filter((row) => provisionalYearsOf(row).includes(year));
    if (rows.length === 0) return;
    // This very import, whatever the calendar's recheck window says (another process may have written it).
    const calendar = await this.deps.calendar.current({ revision: event.revision });
    if (calendar.isProvisional(year)) return; // cannot happen once the import is loaded; never recompute onto rules
    for (const row of rows) await this.recompute(row, calendar, event, `${year}@${contentHash}`);
  }

  private async recompute(row: PendingDeadline, calendar: WorkingCalendar, cause: RecordedEvent, importedYear: string): Promise<void> {
    const book = (await this.deps.store.readStream(row.stream)).reduce<DeadlineBook>((b, e) => {
      const message = { type: e.type, data: e.data };
      return isDeadlineEvent(message) ? evolveDeadlines(b, message as DeadlineEvent) : b;
    }, {});
    const deadline = book[row.deadlineId];
    if (!deadline) return;
    const now = this.deps.clock.now().toISOString();
    const terms = recomputedTerms(calendar, deadline, now);
    if (!terms || terms.calendarVersion === deadline.calendarVersion) return;
    const commandId = deterministicId('deadline-recompute', row.stream, row.deadlineId, cause.metadata.eventId);
    const command: RecomputeDeadline = {
      type: 'RecomputeDeadline',
      data: {
        deadlineId: row.deadlineId,
        previousDueAt: deadline.dueAt,
        previousCalendarVersion: deadline.calendarVersion,
        importedYear,
        ...terms,
      },
      metadata: { commandId, correlationId: cause.metadata.correlationId, causationId: cause.metadata.eventId, actor: SYSTEM_ACTOR, now },
    };
    try {
      await this.deps.commands.send(row.stream, command);
    } catch (error) {
      // A refusal would come again: report it and go on with the other deadlines. Anything else
      // (store down, conflict retries exhausted) stops here, and the runner retries from the checkpoint.
      if (!isDomainError(error) || error.kind === 'conflict') throw error;
      this.deps.onRefused?.(row.stream, row.deadlineId, error);
    }
  }
}
