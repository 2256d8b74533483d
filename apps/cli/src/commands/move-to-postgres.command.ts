import { existsSync } from 'node:fs';
import { copyTables, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { importSqliteLog, LogNotEmpty } from '@bihuan/event-store';
import { openReadModels, sqliteFileOf } from '@bihuan/platform';
import { defaultKeyStoreFile, openPrivacyDatabase } from '@bihuan/privacy';
import { READ_MODEL_MIGRATIONS } from '@bihuan/app';
import { CliCommand } from '../cli-command';
import { cliConfig } from './cli-config';

/**
 * What is not rebuilt from the log and so moves row for row: the access log (hash-chained) and
 * the dead letters beside the read models. Read models, checkpoints and pending deadlines are
 * rebuilt by the workers from the moved log; idempotency records expire and are not moved.
 */
const KEPT_WITH_READ_MODELS = ['access_log', 'access_log_head', 'dead_letters'] as const;

async function existingTables(database: SqlDatabase, wanted: readonly string[]): Promise<string[]> {
  const names = new Set((await database.db.introspection.getTables()).map((t) => t.name));
  return wanted.filter((t) => names.has(t));
}

/**
 * `move-to-postgres [--data-dir <dir>]` with POSTGRES_URL set: moves an embedded installation to
 * PostgreSQL (docs/operations.md, *Moving to PostgreSQL*). Copies the log with every stream's
 * chain unchanged, the personal-data keys into schema `privacy`, the access log and the dead
 * letters; workers started on POSTGRES_URL then rebuild the read models from the log. Stop every
 * process first. Exit 0 moved; 1 the target already holds a log; 2 usage or nothing to move.
 */
export const moveToPostgresCommand: CliCommand = {
  name: 'move-to-postgres',
  summary: 'Move an embedded installation (DATA_DIR) to the PostgreSQL at POSTGRES_URL',
  usage: 'move-to-postgres [--data-dir <dir>]   (POSTGRES_URL names the target; stop the api and workers first)',
  async run(args, io) {
    const config = cliConfig(args, io);
    if (!config) return 2;
    const url = config.postgresUrl;
    if (!url) {
      io.err('Set POSTGRES_URL to the PostgreSQL database to move to');
      return 2;
    }
    const logFile = sqliteFileOf(config);
    if (!existsSync(logFile)) {
      io.err(`No embedded installation at ${logFile} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    let log;
    try {
      log = await importSqliteLog(logFile, url, (copied, total) => io.err(`日志 ${copied}/${total}`));
    } catch (error) {
      if (!(error instanceof LogNotEmpty)) throw error;
      io.err(`${error.message}: a move only fills an empty database`);
      return 1;
    }
    const moved: Record<string, number> = {};
    const from = openSqliteDatabase({ file: logFile });
    const to = await openReadModels(config, READ_MODEL_MIGRATIONS);
    try {
      Object.assign(moved, await copyTables(from, to, await existingTables(from, KEPT_WITH_READ_MODELS)));
    } finally {
      await from.close();
      await to.close();
    }
    const keyFile = defaultKeyStoreFile(config.dataDir);
    if (existsSync(keyFile)) {
      const keysFrom = openSqliteDatabase({ file: keyFile });
      const keysTo = await openPrivacyDatabase({ dataDir: config.dataDir, url });
      try {
        Object.assign(moved, await copyTables(keysFrom, keysTo, await existingTables(keysFrom, ['subject_keys'])));
      } finally {
        await keysFrom.close();
        await keysTo.close();
      }
    }
    io.out(JSON.stringify({ events: log.events, rows: moved }, null, 2));
    return 0;
  },
};
