import { Inject, Injectable, Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CLOCK } from '@bihuan/core';
import { CALENDAR, CalendarOutlook, calendarOutlook, CalendarService, READ_MODEL_DB } from '@bihuan/platform';
import { SqlitePendingDeadlines } from '@bihuan/processing';

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
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  async outlook(): Promise<CalendarOutlook> {
    return calendarOutlook(await this.calendar.current(), this.clock.now(), SqlitePendingDeadlines.versionCounts(this.readModels));
  }
}

@Module({ providers: [CalendarOutlookService], exports: [CalendarOutlookService] })
export class CalendarOutlookModule {}
