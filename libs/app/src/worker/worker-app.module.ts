import { DynamicModule, Module } from '@nestjs/common';
import { platformLoggerModule } from '@bihuan/platform';
import { WorkerModule } from './worker.module';

/** The standalone worker process: platform, logs, worker — no HTTP. */
@Module({})
export class WorkerAppModule {
  /** `platform` is PlatformModule.forRoot(config) (or forTest in tests). */
  static register(platform: DynamicModule): DynamicModule {
    return { module: WorkerAppModule, imports: [platform, platformLoggerModule(), WorkerModule] };
  }
}
