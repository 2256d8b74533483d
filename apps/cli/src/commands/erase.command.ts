import { existsSync } from 'node:fs';
import { Actor, isDomainError, SystemClock } from '@bihuan/core';
import { openPostgresDatabase, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { AppConfig, sqliteFileOf } from '@bihuan/platform';
import { defaultKeyStoreFile, ErasureReceipt, ErasureService, SqlAccessLog, SqlSubjectKeyStore } from '@bihuan/privacy';
import { stringFlag } from '../argv';
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
  io.err(`${config.postgresUrl ? 'PostgreSQL 读模型库' : sqliteFileOf(config)} 中没有访问日志：请先启动一次 API`);
  return null;
}

/** The receipt for the operator: what happened, and the tombstone (who, when, why). */
function receiptText(receipt: ErasureReceipt): string {
  const e = receipt.erasure;
  const what = receipt.outcome === 'erased' ? '已删除密钥，其身份信息在各处均不可读' : '此前已删除（本次未作改动，以下为首次删除的记录）';
  return `数据主体 ${receipt.subjectId}：${what}
操作人 ${e.erasedBy.id}，时间 ${e.at}，事由：${e.reason}`;
}

/**
 * `erase <subjectId> --reason "…" [--data-dir <dir>] [--by <operator>]`: crypto-shredding from the
 * console (docs/privacy.md). Deletes the subject's SM4 key in the privacy database
 * (`${DATA_DIR}/keys.sqlite`), leaving a tombstone, records the erasure in the access log (in the
 * read-model database, as the API does), and prints the receipt. The log is not touched: `verify`
 * still passes. Safe to repeat (`already-erased`). Exit 0 done; 1 refused (unknown subject …);
 * 2 usage, or no key store or access log. The receipt in Chinese, or as JSON with --json.
 * (Subject id and --reason are required by the declared schema, erase.usage.ts.)
 */
export const eraseAction: CliCommand = {
  async run(args, io) {
    const subjectId = args.positionals[0]!;
    const reason = stringFlag(args, 'reason')!;
    const config = cliConfig(args, io);
    if (!config) return 2;
    // With POSTGRES_URL: the keys in schema `privacy`, the access log with the PostgreSQL read models.
    const url = config.postgresUrl;
    const keyFile = defaultKeyStoreFile(config.dataDir);
    if (!url && !existsSync(keyFile)) {
      io.err(`${keyFile} 处没有密钥库（请设置 DATA_DIR 或 --data-dir）`);
      return 2;
    }
    const readModels = await openAccessLogDatabase(config, io);
    if (!readModels) return 2;
    const clock = new SystemClock();
    const keys = await SqlSubjectKeyStore.open({ dataDir: config.dataDir, url, clock });
    const by: Actor = { id: `cli:${stringFlag(args, 'by') ?? io.env['USER'] ?? 'operator'}`, role: 'admin', unit: 'cli' };
    try {
      const receipt = await new ErasureService(keys, new SqlAccessLog(readModels), clock).eraseSubject(subjectId, by, reason);
      io.out(args.flags['json'] === true ? JSON.stringify(receipt, null, 2) : receiptText(receipt));
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(`删除被拒绝（${error.code}）：${error.message}`);
      return 1;
    } finally {
      await keys.close();
      await readModels.close();
    }
  },
};
