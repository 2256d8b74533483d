import { Inject, Injectable, Module } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { CALENDAR, CalendarOutlook, calendarOutlook, CalendarService, READ_MODELS } from '@bihuan/platform';
import { TablePendingDeadlines } from '@bihuan/processing';

/**
 * Issue 12, part 4: whether next year's calendar is missing (from 1 November) and how many pending
 * deadlines are provisional, for /health, GET /admin/calendar and the metrics. The counts come from
 * the worker's pending-deadlines read model (empty until a worker has built it).
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
}

@Module({ providers: [CalendarOutlookService], exports: [CalendarOutlookService] })
export class CalendarOutlookModule {}
