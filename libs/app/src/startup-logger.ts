import { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AppConfig, configWarnings } from '@bihuan/platform';

/**
 * The API and the worker log the same way from their first line: the buffered boot logs go to the
 * pino logger, then what is doubtful in the configuration and in the data folder is said once.
 * Answers the logger for what the caller says next.
 */
export function useStartupLogger(app: INestApplicationContext, config: AppConfig, dataDirWarnings: readonly string[]): Logger {
  const logger = app.get(Logger);
  app.useLogger(logger);
  for (const warning of configWarnings(config)) logger.warn(warning, 'Config');
  for (const warning of dataDirWarnings) logger.warn(warning, 'DataDir');
  return logger;
}
