import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, runsApi, storeKindOf } from '@bihuan/platform';
import { createApp, runWorker } from '@bihuan/app';

// Files this process creates (log, keys, exports) are private to the service user: 0600 / 0700.
process.umask(0o077);

/**
 * `node -r ./tools/register-paths.js dist/apps/api/src/main.js`: the API (and, with ROLE=all, the
 * worker in the same process; ROLE=worker runs the worker alone). A bad setting ends the process
 * with exit code 1 and the variable named on stderr; so does anything that stops the app starting.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (!runsApi(config)) {
    await runWorker(config);
    return;
  }
  const app = await createApp({ config });
  await app.listen(config.port, config.host);
  const store = storeKindOf(config);
  const timers = config.redisUrl ? 'bullmq' : 'sqlite';
  app
    .get(Logger)
    .log(
      `Bihuan API listening on http://${config.host}:${config.port} (role ${config.role}, store ${store}, timers ${timers})`,
      'Bootstrap',
    );
}

bootstrap().catch((error: unknown) => {
  const text = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
