import { Public, Roles } from '@bihuan/auth';
import { Controller, DynamicModule, Get, Header, Inject, Module, Provider } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { CalendarOutlookModule, CalendarOutlookService } from '../health/calendar-outlook.module';
import { Exposure } from '@bihuan/platform';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

abstract class MetricsEndpoint {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Prometheus text format at `GET /metrics` for anyone (METRICS=public; development default). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class PublicMetricsController extends MetricsEndpoint {}

/** The same for an admin bearer token only (METRICS=admin; production default). */
@ApiExcludeController()
@Roles('admin')
@Controller('metrics')
export class AdminMetricsController extends MetricsEndpoint {}

const REGISTRY: Provider = {
  provide: METRICS_REGISTRY,
  useFactory: (outlook: CalendarOutlookService): Registry => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'bihuan_' });
    registerCalendarGauges(registry, outlook);
    return registry;
  },
  inject: [CalendarOutlookService],
};

/**
 * Issue 12, part 4: alert on `bihuan_calendar_next_year_missing == 1` (from 1 November, next
 * year not imported); `bihuan_deadlines_provisional_pending{year}` is how many pending deadlines
 * the import will recompute. Read at scrape time.
 */
function registerCalendarGauges(registry: Registry, outlook: CalendarOutlookService): void {
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

/**
 * One registry per app instance (not prom-client's global one), so several apps in one test run
 * do not collide. Contexts may inject METRICS_REGISTRY to add their own counters; it exists even
 * when the endpoint is off (METRICS=off: /metrics answers 404).
 */
@Module({})
export class MetricsModule {
  static register(exposure: Exposure): DynamicModule {
    const controllers = exposure === 'public' ? [PublicMetricsController] : exposure === 'admin' ? [AdminMetricsController] : [];
    return { module: MetricsModule, imports: [CalendarOutlookModule], controllers, providers: [REGISTRY], exports: [METRICS_REGISTRY] };
  }
}
