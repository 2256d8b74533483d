import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DirectoryViewModule } from '@bihuan/directory';
import { AppConfig, authModuleFor, IdempotencyModule, platformLoggerModule, runsWorker } from '@bihuan/platform';
import { WorkerModule } from './worker/worker.module';
import { SharedReadModelsModule } from './worker/shared-read-models.module';
import { CONTEXT_MODULES } from './context-modules';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MetricsModule } from './metrics/metrics.module';
import { SecurityModule } from './security/me.controller';
import { AdminDocsModule } from './swagger';
import { CatalogueModule } from './catalogue/catalogue.controller';
import { TodosModule } from './todos/todos.controller';
import { StatisticsModule } from './statistics/statistics.controller';

export interface AppModuleOptions {
  readonly config: AppConfig;
  /** `PlatformModule.forRoot(config)` in production, `PlatformModule.forTest(...)` in e2e tests. */
  readonly platform: DynamicModule;
  /** Extra modules (tests add probes; nothing in production). */
  readonly extra?: readonly DynamicModule[];
}

/**
 * The HTTP application: platform (store, timers, clock, ids, config), CQRS, logs, health, metrics,
 * and the bounded contexts. With ROLE=all (the embedded default) it also runs the worker, so one
 * process serves the API and drives projections and timers.
 */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        options.platform,
        platformLoggerModule(),
        CqrsModule.forRoot(),
        authModuleFor(options.config, DirectoryViewModule),
        IdempotencyModule,
        LifecycleModule,
        HealthModule,
        MetricsModule.register(options.config.metrics),
        ...(options.config.apiDocs === 'admin' ? [AdminDocsModule] : []),
        SecurityModule,
        CatalogueModule,
        TodosModule,
        ...CONTEXT_MODULES,
        StatisticsModule, // the leaders' 通报 tables, across the contexts above
        runsWorker(options.config) ? WorkerModule : SharedReadModelsModule,
        ...(options.extra ?? []),
      ],
    };
  }
}
