import { existsSync } from 'node:fs';
import { Actor, isDomainError, SystemClock } from '@bihuan/core';
import { openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { AppConfig, sqliteFileOf } from '@bihuan/platform';
import { defaultKeyStoreFile, ErasureService, SqlAccessLog, SqlSubjectKeyStore } from '@bihuan/privacy';
import { stringFlag, UsageError } from '../argv';
import { CliCommand, CliIo } from '../cli-command';
import { cliConfig } from './cli-config';

/**
 * The read-model database that holds the access log, as the API left it: the API migrates it at
 * start (ACCESS_LOG_MIGRATIONS among the read models' sets), so the CLI only checks that it did.
 */
async function openAccessLogDatabase(config: AppConfig, io: CliIo): Promise<SqlDatabase | null> {
  const database = config.postgresUrl
    ? await openPostgresDatabase({ url: config.postgresUrl, poolSize: 2 })
    : openSqliteDatabase({ file: sqliteFileOf(config), synchronous: config.sqliteSynchronous });
  const tables = await database.db.introspection.getTables();
  if (tables.some((t) => t.name === 'access_log')) return database;
  await database.close();
  io.err(`No access log in ${config.postgresUrl ? 'the PostgreSQL read models' : sqliteFileOf(config)}: start the API once first`);
  return null;
}

/**
 * `erase <subjectId> --reason "…" [--data-dir <dir>] [--by <operator>]`: crypto-shredding from the
 * console (docs/privacy.md). Deletes the subject's SM4 key in the privacy database
 * (`${DATA_DIR}/keys.sqlite`), leaving a tombstone, records the erasure in the access log (in the
 * read-model database, as the API does), and prints the receipt. The log is not touched: `verify`
 * still passes. Safe to repeat (`already-erased`). Exit 0 done; 1 refused (unknown subject …);
 * 2 usage, or no key store or access log.
 */
export const eraseCommand: CliCommand = {
  name: 'erase',
  summary: 'Erase a data subject (complainant): delete their key so their identity is unreadable everywhere',
  usage: 'erase <subjectId> --reason "<request it answers>" [--data-dir <dir>] [--by <operator>]',
  async run(args, io) {
    const subjectId = args.positionals[0];
    if (!subjectId || args.positionals.length > 1) throw new UsageError('Name exactly one subject id');
    const reason = stringFlag(args, 'reason');
    if (!reason || reason.trim().length === 0) throw new UsageError('--reason is required (e.g. the request it answers)');
    const config = cliConfig(args, io);
    if (!config) return 2;
    // With POSTGRES_URL: the keys in schema `privacy`, the access log with the PostgreSQL read models.
    const url = config.postgresUrl;
    const keyFile = defaultKeyStoreFile(config.dataDir);
    if (!url && !existsSync(keyFile)) {
      io.err(`No key store at ${keyFile} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    const readModels = await openAccessLogDatabase(config, io);
    if (!readModels) return 2;
    const clock = new SystemClock();
    const keys = await SqlSubjectKeyStore.open({ dataDir: config.dataDir, url, clock });
    const by: Actor = { id: `cli:${stringFlag(args, 'by') ?? io.env['USER'] ?? 'operator'}`, role: 'admin', unit: 'cli' };
    try {
      const receipt = await new ErasureService(keys, new SqlAccessLog(readModels), clock).eraseSubject(subjectId, by, reason);
      io.out(JSON.stringify(receipt, null, 2));
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(`${error.code}: ${error.message}`);
      return 1;
    } finally {
      await keys.close();
      await readModels.close();
    }
  },
};
