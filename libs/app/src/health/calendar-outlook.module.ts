import { Inject, Injectable, Module } from '@nestjs/common';
import { Kysely } from 'kysely';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { CALENDAR, CalendarOutlook, calendarOutlook, CalendarService, READ_MODELS } from '@bihuan/platform';

/** The columns of the worker's pending-deadlines read model that the outlook counts. */
type PendingDeadlineVersions = {
  pending_deadlines: { calendar_version: string };
};

/**
 * Issue 12, part 4: whether next year's calendar is missing (from 1 November) and how many pending
 * deadlines are provisional, for /health, GET /admin/calendar and the metrics. The counts come from
 * the worker's pending-deadlines read model (empty until a worker has built it).
 */
@Injectable()
export class CalendarOutlookService {
  private readonly db: Kysely<PendingDeadlineVersions>;
  /** Once seen, the table stays (a rebuild swaps it in one transaction): no need to look again. */
  private tableSeen = false;

  constructor(
    @Inject(CALENDAR) private readonly calendar: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODELS) private readonly readModels: SqlDatabase,
  ) {
    this.db = readModels.db.withTables<PendingDeadlineVersions>();
  }

  async outlook(): Promise<CalendarOutlook> {
    return calendarOutlook(await this.calendar.current(), this.clock.now(), await this.versionCounts());
  }

  /** Calendar versions of the pending and paused deadlines with their count, read-only. */
  private async versionCounts(): Promise<{ calendarVersion: string; count: number }[]> {
    if (!(await this.hasTable())) return [];
    return this.db
      .selectFrom('pending_deadlines')
      .select((eb) => ['calendar_version as calendarVersion', eb.fn.countAll<number>().as('count')])
      .groupBy('calendar_version')
      .execute();
  }

  /**
   * The worker creates the table (and, before calendar versions, had it without the column), so an
   * API that runs without a worker may find none yet. Kysely's introspection asks either engine.
   */
  private async hasTable(): Promise<boolean> {
    if (this.tableSeen) return true;
    const tables = await this.readModels.db.introspection.getTables();
    this.tableSeen = tables.some((t) => t.name === 'pending_deadlines' && t.columns.some((c) => c.name === 'calendar_version'));
    return this.tableSeen;
  }
}

@Module({ providers: [CalendarOutlookService], exports: [CalendarOutlookService] })
export class CalendarOutlookModule {}
