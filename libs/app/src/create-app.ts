import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { DynamicModule } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  AppConfig,
  httpLogger,
  IdempotencyInterceptor,
  loadConfig,
  PlatformModule,
  READ_MODEL_SYNC,
  ReadModelSync,
  secureDataDir,
  TestPlatform,
  testConfig,
} from '@bihuan/platform';
import { ReadPositionInterceptor } from './http/read-position.interceptor';
import { directoryNamesInterceptor } from './http/directory-names.interceptor';
import { DeclaredInputInterceptor } from './http/declared-input.interceptor';
import { InterceptorChain } from './http/interceptor-chain';
import { AppModule } from './app.module';
import { useBodyParsing } from './http/body-parsing';
import { HttpErrorFilter } from './http/http-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { DOCS_PATH, setupSwagger } from './swagger';
import { READ_MODEL_MIGRATIONS } from './read-model-migrations';
import { useSecurityHeaders } from './http/security-headers';
import { useConsoleSite } from './http/console-site';
import { useStartupLogger } from './startup-logger';
import { requestGate } from './lifecycle/request-gate';
import { ShutdownState } from './lifecycle/shutdown-state';

export interface CreateAppOptions {
  /** Production: the validated configuration (default: loadConfig(process.env)). */
  readonly config?: AppConfig;
  /** Tests: doubles for the platform (memory store, manual timers, FakeClock); wins over `config`. */
  readonly platform?: TestPlatform;
  /** Extra modules for tests. */
  readonly extra?: readonly DynamicModule[];
  /** Close on SIGTERM/SIGINT (default: true unless `platform` is given). */
  readonly shutdownHooks?: boolean;
}

/**
 * Builds the real application — the same module graph, pipes, filters, body limits and docs —
 * for main.ts and for e2e tests; the caller decides whether and where to listen.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const config = options.platform ? testConfig(options.platform.config) : (options.config ?? loadConfig());
  // Before the platform opens anything in DATA_DIR (tests bring their own store and files).
  const dataDirWarnings = options.platform ? [] : secureDataDir(config);
  const platform = options.platform
    ? PlatformModule.forTest(options.platform, READ_MODEL_MIGRATIONS)
    : PlatformModule.forRoot(config, READ_MODEL_MIGRATIONS);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, platform, extra: options.extra ?? [] }), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  useStartupLogger(app, config, dataDirWarnings);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  useSecurityHeaders(app, DOCS_PATH);
  app.use(httpLogger(config));
  useConsoleSite(app, config.consoleDir);
  // Before the body is read: a request refused while stopping is logged and certainly not written.
  app.use(requestGate(app.get(ShutdownState)));
  useBodyParsing(app);
  // Outermost first: a replayed POST is answered before anything else runs; names are added last.
  app.useGlobalInterceptors(
    new InterceptorChain([
      app.get(IdempotencyInterceptor),
      new DeclaredInputInterceptor(),
      new ReadPositionInterceptor(app.get<ReadModelSync>(READ_MODEL_SYNC)),
      directoryNamesInterceptor(app),
    ]),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(HttpAdapterHost)));
  setupSwagger(app, config.apiDocs);
  // Exit 0 after a clean stop (Nest would otherwise re-raise the signal); order of the stop: lifecycle/http-drain.service.ts.
  if (options.shutdownHooks ?? !options.platform) app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
