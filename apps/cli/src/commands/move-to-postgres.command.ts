import { existsSync } from 'node:fs';
import { copyTables, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { importSqliteLog, LogNotEmpty } from '@bihuan/event-store';
import { openReadModels, sqliteFileOf } from '@bihuan/platform';
import { defaultKeyStoreFile, openPrivacyDatabase } from '@bihuan/privacy';
import { READ_MODEL_MIGRATIONS } from '@bihuan/app';
import { CliCommand } from '../cli-command';
import { createProgress, progressWanted } from '../progress';
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
 * Progress (events copied of the total, then each table) on stderr unless --json or --quiet.
 */
export const moveToPostgresAction: CliCommand = {
  async run(args, io) {
    const config = cliConfig(args, io);
    if (!config) return 2;
    const url = config.postgresUrl;
    if (!url) {
      io.err('请用环境变量 POSTGRES_URL 指定要迁移到的 PostgreSQL 数据库');
      return 2;
    }
    const logFile = sqliteFileOf(config);
    if (!existsSync(logFile)) {
      io.err(`${logFile} 处没有嵌入式安装（请设置 DATA_DIR 或 --data-dir）`);
      return 2;
    }
    const wanted = progressWanted(args);
    const step = (text: string): void => (wanted ? io.err(text) : undefined);
    const progress = createProgress(io, wanted, { label: '迁移日志事件' });
    let log;
    try {
      log = await importSqliteLog(logFile, url, progress.update);
      progress.finish();
    } catch (error) {
      if (!(error instanceof LogNotEmpty)) throw error;
      io.err(`目标库已有日志，迁移只写入空库（${error.message}）`);
      return 1;
    }
    step('迁移访问日志和死信 …');
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
      step('迁移个人信息密钥 …');
      const keysFrom = openSqliteDatabase({ file: keyFile });
      const keysTo = await openPrivacyDatabase({ dataDir: config.dataDir, url });
      try {
        Object.assign(moved, await copyTables(keysFrom, keysTo, await existingTables(keysFrom, ['subject_keys'])));
      } finally {
        await keysFrom.close();
        await keysTo.close();
      }
    }
    if (args.flags['json'] === true) io.out(JSON.stringify({ events: log.events, rows: moved }, null, 2));
    else {
      const rows = Object.entries(moved).map(([table, n]) => `${table} ${n} 行`);
      io.out(
        `已迁移到 PostgreSQL：日志 ${log.events} 个事件${rows.length ? `；${rows.join('，')}` : ''}。请在 POSTGRES_URL 上启动工作进程以重建读模型。`,
      );
    }
    return 0;
  },
};
