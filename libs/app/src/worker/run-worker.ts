import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, httpLogger, PlatformModule, secureDataDir, storeKindOf } from '@bihuan/platform';
import { WorkerAppModule } from './worker-app.module';
import { READ_MODEL_MIGRATIONS } from '../read-model-migrations';
import { useStartupLogger } from '../startup-logger';
import { HttpErrorFilter } from '../http/http-exception.filter';
import { useSecurityHeaders } from '../http/security-headers';
import { DOCS_PATH } from '../swagger';
import { requestGate } from '../lifecycle/request-gate';
import { ShutdownState } from '../lifecycle/shutdown-state';

/**
 * Boots the worker alone and keeps it running until SIGTERM/SIGINT, when Nest's shutdown hooks go
 * unready, stop the consumers and runners, close the listener, then the store and timers, and exit 0.
 * Its only HTTP is health and metrics on WORKER_HTTP_PORT (none when 0).
 */
export async function runWorker(config: AppConfig): Promise<NestExpressApplication> {
  const dataDirWarnings = secureDataDir(config);
  const app = await NestFactory.create<NestExpressApplication>(
    WorkerAppModule.register(PlatformModule.forRoot(config, READ_MODEL_MIGRATIONS), config),
    {
      bufferLogs: true,
      bodyParser: false,
      abortOnError: false,
    },
  );
  const logger = useStartupLogger(app, config, dataDirWarnings);
  app.disable('x-powered-by');
  useSecurityHeaders(app, DOCS_PATH);
  app.use(httpLogger(config));
  app.use(requestGate(app.get(ShutdownState)));
  app.useGlobalFilters(new HttpErrorFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks([], { useProcessExit: true });
  if (config.workerHttpPort === null) await app.init();
  else await app.listen(config.workerHttpPort, config.host);
  const http = config.workerHttpPort === null ? 'no HTTP' : `health and metrics on http://${config.host}:${config.workerHttpPort}`;
  logger.log(`Bihuan worker running (store ${storeKindOf(config)}, timers ${config.redisUrl ? 'bullmq' : 'sqlite'}, ${http})`, 'Bootstrap');
  return app;
}
