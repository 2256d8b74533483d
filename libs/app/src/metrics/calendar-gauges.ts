import { Gauge, Registry } from 'prom-client';
import { CalendarOutlookService } from '../health/calendar-outlook.module';

/**
 * Issue 12, part 4: alert on `bihuan_calendar_next_year_missing == 1` (from 1 November, next
 * year not imported); `bihuan_deadlines_provisional_pending{year}` is how many pending deadlines
 * the import will recompute. Read at scrape time.
 */
export function registerCalendarGauges(registry: Registry, outlook: CalendarOutlookService): void {
  new Gauge({
    name: 'bihuan_calendar_next_year_missing',
    help: 'From 1 November (Asia/Shanghai): 1 while next year’s calendar is not imported (deadlines into it are provisional)',
    registers: [registry],
    async collect() {
      this.set((await outlook.outlook()).nextYearMissing ? 1 : 0);
    },
  });
  new Gauge({
    name: 'bihuan_calendar_current_year_missing',
    help: '1 while the current year’s calendar is not imported (the notice came late): deadlines are provisional today',
    registers: [registry],
    async collect() {
      this.set((await outlook.outlook()).currentYearMissing ? 1 : 0);
    },
  });
  new Gauge({
    name: 'bihuan_deadlines_provisional_pending',
    help: 'Pending or paused deadlines computed on a provisional calendar year, recomputed when that year is imported',
    labelNames: ['year'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [year, count] of Object.entries((await outlook.outlook()).provisionalPending)) this.set({ year }, count);
    },
  });
}
