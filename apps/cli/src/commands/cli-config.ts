import { AppConfig, ConfigError, loadConfig } from '@bihuan/platform';
import { ParsedArgs, stringFlag } from '../argv';
import { CliIo } from '../cli-command';

/**
 * The configuration a CLI command works on: the same variables as the api (DATA_DIR, JWT_SECRET,
 * ESDB_URL …) from the environment, with `--data-dir` winning over DATA_DIR. A bad setting is
 * printed and answered with exit code 2 (null here), like `verify`.
 */
export function cliConfig(args: ParsedArgs, io: CliIo, options: { createDataDir?: boolean } = {}): AppConfig | null {
  const dataDir = stringFlag(args, 'data-dir');
  try {
    return loadConfig({ ...io.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) }, { createDataDir: options.createDataDir ?? false });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return null;
  }
}
