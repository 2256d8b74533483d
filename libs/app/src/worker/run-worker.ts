import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, PlatformModule, secureDataDir } from '@bihuan/platform';
import { WorkerAppModule } from './worker-app.module';
import { useStartupLogger } from '../startup-logger';

/**
 * Boots the worker alone (no HTTP) and keeps it running until SIGTERM/SIGINT, when Nest's
 * shutdown hooks stop the consumers and then close the store and timers.
 */
export async function runWorker(config: AppConfig): Promise<INestApplicationContext> {
  const dataDirWarnings = secureDataDir(config);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(PlatformModule.forRoot(config)), {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = useStartupLogger(app, config, dataDirWarnings);
  app.enableShutdownHooks();
  await app.init();
  logger.log(
    `Bihuan worker running (store ${config.esdbUrl ? 'esdb' : 'sqlite'}, timers ${config.redisUrl ? 'bullmq' : 'sqlite'})`,
    'Bootstrap',
  );
  return app;
}
