import { Inject, Injectable, Module } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { provisionalMarksOf } from '@bihuan/calendar';
import { CALENDAR, CalendarOutlook, calendarOutlook, CalendarService, READ_MODELS } from '@bihuan/platform';
import { PendingDeadline, TablePendingDeadlines } from '@bihuan/processing';

/** A pending deadline computed on a provisional year, with those years. */
export type ProvisionalDeadline = Omit<PendingDeadline, 'warnAt' | 'warned' | 'correlationId' | 'causationId'> & {
  readonly provisionalYears: number[];
};

/**
 * Issue 12, part 4: whether next year's calendar is missing (from 1 November) and how many pending
 * deadlines are provisional, for /health, GET /admin/calendar and the metrics. The counts come from
 * the worker's pending-deadlines read model (empty until a worker has built it), and so does the
 * list of those deadlines the admin console shows.
 */
@Injectable()
export class CalendarOutlookService {
  constructor(
    @Inject(CALENDAR) private readonly calendar: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
  ) {}

  async outlook(): Promise<CalendarOutlook> {
    return calendarOutlook(await this.calendar.current(), this.clock.now(), await TablePendingDeadlines.of(this.database).versionCounts());
  }

  /** The provisional deadlines themselves, soonest first: the first `limit` and the count (GET /admin/calendar/provisional-deadlines). */
  async provisionalDeadlines(limit: number): Promise<{ count: number; first: ProvisionalDeadline[] }> {
    const { count, first } = await TablePendingDeadlines.of(this.database).provisional(limit);
    return {
      count,
      first: first.map(({ stream, deadlineId, purpose, status, dueAt, calendarVersion }) => ({
        stream,
        deadlineId,
        purpose,
        status,
        dueAt,
        calendarVersion,
        provisionalYears: provisionalMarksOf(calendarVersion).map((mark) => mark.year),
      })),
    };
  }
}

@Module({ providers: [CalendarOutlookService], exports: [CalendarOutlookService] })
export class CalendarOutlookModule {}
