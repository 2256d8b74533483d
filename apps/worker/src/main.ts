import 'reflect-metadata';
import { runWorker } from '@bihuan/app';
import { ConfigError, loadConfig } from '@bihuan/platform';

// Files this process creates (log, keys, exports) are private to the service user: 0600 / 0700.
process.umask(0o077);

/**
 * `node -r ./tools/register-paths.js dist/apps/worker/src/main.js`: projections, workflows and
 * timers without the API (scale it apart from the API; ROLE is treated as `worker` here).
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await runWorker({ ...config, role: 'worker' });
}

bootstrap().catch((error: unknown) => {
  const text = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
