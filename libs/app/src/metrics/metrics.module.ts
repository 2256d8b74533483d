import { Public, Roles, SystemWide } from '@bihuan/auth';
import { Controller, DynamicModule, Get, Header, Inject, Module, Provider } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CommandExecution, Exposure, READ_MODELS } from '@bihuan/platform';
import { CalendarOutlookModule, CalendarOutlookService } from '../health/calendar-outlook.module';
import { WorkerAccess } from '../admin/worker-access';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { registerCalendarGauges } from './calendar-gauges';
import { CommandMetrics } from './command-metrics';
import { registerLifecycleGauges } from './lifecycle-gauges';
import { registerWorkerGauges } from './worker-gauges';

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
@SystemWide()
@Controller('metrics')
export class AdminMetricsController extends MetricsEndpoint {}

/**
 * Process metrics, the calendar outlook, command latency (CommandExecution reports to it: the one
 * write seam of this process) and the worker's lag and dead letters — the same in the API and in the
 * worker process, each describing itself.
 */
const REGISTRY: Provider = {
  provide: METRICS_REGISTRY,
  useFactory: (
    outlook: CalendarOutlookService,
    commands: CommandExecution,
    store: EventStore,
    database: SqlDatabase,
    worker: WorkerAccess,
    shutdown: ShutdownState,
  ): Registry => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'bihuan_' });
    registerCalendarGauges(registry, outlook);
    commands.observe(new CommandMetrics(registry));
    registerWorkerGauges(registry, { store, database, worker: () => worker.find() });
    registerLifecycleGauges(registry, shutdown);
    return registry;
  },
  inject: [CalendarOutlookService, CommandExecution, EVENT_STORE, READ_MODELS, WorkerAccess, ShutdownState],
};

/**
 * One registry per app instance (not prom-client's global one), so several apps in one test run
 * do not collide. Contexts may inject METRICS_REGISTRY to add their own counters; it exists even
 * when the endpoint is off (METRICS=off: /metrics answers 404).
 */
@Module({})
export class MetricsModule {
  static register(exposure: Exposure): DynamicModule {
    const controllers = exposure === 'public' ? [PublicMetricsController] : exposure === 'admin' ? [AdminMetricsController] : [];
    return {
      module: MetricsModule,
      imports: [CalendarOutlookModule, LifecycleModule],
      controllers,
      providers: [REGISTRY, WorkerAccess],
      exports: [METRICS_REGISTRY],
    };
  }
}
