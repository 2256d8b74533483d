import { DynamicModule, Module } from '@nestjs/common';
import { DirectoryViewModule } from '@bihuan/directory';
import { AppConfig, authModuleFor, platformLoggerModule } from '@bihuan/platform';
import { HealthModule } from '../health/health.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { MetricsModule } from '../metrics/metrics.module';
import { WorkerModule } from './worker.module';

/**
 * The standalone worker process: platform, logs, worker, and a small HTTP surface for operators —
 * `/health/live`, `/health/ready`, `/health` and `/metrics` (WORKER_HTTP_PORT), nothing else.
 */
@Module({})
export class WorkerAppModule {
  /** `platform` is PlatformModule.forRoot(config) (or forTest in tests). */
  static register(platform: DynamicModule, config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        platform,
        platformLoggerModule(),
        // Only to guard /metrics with an admin token (METRICS=admin): the worker takes no other request.
        ...(config.metrics === 'admin' ? [authModuleFor(config, DirectoryViewModule)] : []),
        LifecycleModule,
        HealthModule,
        MetricsModule.register(config.metrics),
        WorkerModule,
      ],
    };
  }
}
