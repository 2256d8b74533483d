import { DynamicModule, Module } from '@nestjs/common';
import { COMPLAINTS_PRIVACY } from '@bihuan/complaints';
import { DirectoryViewModule } from '@bihuan/directory';
import { AppConfig, authModuleFor, platformLoggerModule } from '@bihuan/platform';
import { HealthModule } from '../health/health.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { MetricsModule } from '../metrics/metrics.module';
import { WorkerModule } from './worker.module';

/**
 * The standalone worker process: platform, logs, worker, and a small HTTP surface for operators —
 * `/health/live`, `/health/ready`, `/health` and `/metrics` (WORKER_HTTP_PORT), nothing else. It
 * reads the directory and the personal-data keys, so notifications are produced here as with ROLE=all.
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
        // The directory (who is told: the notification producer; /metrics's admin token when METRICS=admin)
        // and the personal-data keys (a consenting complainant's phone): the worker takes no request.
        authModuleFor(config, DirectoryViewModule),
        COMPLAINTS_PRIVACY,
        LifecycleModule,
        HealthModule,
        MetricsModule.register(config.metrics),
        WorkerModule,
      ],
    };
  }
}
