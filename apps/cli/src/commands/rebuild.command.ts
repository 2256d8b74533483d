import { existsSync } from 'node:fs';
import { SystemClock } from '@bihuan/core';
import { openEventStore, openReadModels, rebuildReadModel, sqliteFileOf, UnknownProjection, workerProjections } from '@bihuan/platform';
import { RebuildRefused } from '@bihuan/processing';
import { READ_MODEL_MIGRATIONS, WORKER_CONTRIBUTIONS } from '@bihuan/app';
import { UsageError } from '../argv';
import { CliCommand } from '../cli-command';
import { createProgress, progressWanted } from '../progress';
import { nearest } from '../suggest';
import { cliConfig } from './cli-config';

/**
 * `rebuild <projection>` (or `rebuild --list`): builds the read model again from the log beside
 * the live one and swaps it in (rebuildAside, docs/operations.md). The API keeps answering from the
 * old tables until the swap, and a running worker keeps projecting; neither needs a restart.
 * Progress (log position reached of the head) on stderr; the result in Chinese, or JSON with --json.
 */
export const rebuildAction: CliCommand = {
  async run(args, io) {
    const list = args.flags['list'] === true;
    const [name] = args.positionals;
    if (list === (name !== undefined)) throw new UsageError('请指定一个读模型，或用 --list 列出全部（二者择一）');
    const config = cliConfig(args, io);
    if (!config) return 2;
    const liveFile = sqliteFileOf(config);
    if (!config.postgresUrl && !existsSync(liveFile)) {
      io.err(`${liveFile} 处没有数据（请设置 DATA_DIR 或 --data-dir）`);
      return 2;
    }
    const clock = new SystemClock();
    const store = await openEventStore(config, clock);
    try {
      // Migrated as the app does at start, so a rebuild finds the live tables it copies.
      const live = await openReadModels(config, READ_MODEL_MIGRATIONS);
      try {
        const known = workerProjections(store, live, clock, WORKER_CONTRIBUTIONS).map((p) => p.name);
        if (list) {
          for (const p of known) io.out(p);
          return 0;
        }
        if (!known.includes(name!)) {
          const guess = nearest(name!, known);
          io.err(`未知读模型 ${name}${guess ? `，是否想输入 ${guess}？` : ''}（rebuild --list 列出全部）`);
          return 2;
        }
        const head = await store.headPosition();
        const progress = createProgress(io, progressWanted(args), { label: `重建 ${name}：已重放到日志位置` });
        const result = await rebuildReadModel({
          store,
          clock,
          contributions: WORKER_CONTRIBUTIONS,
          live,
          name: name!,
          afterPage: (checkpoint) => progress.update(checkpoint ?? 0, head),
        });
        progress.finish();
        if (args.flags['json'] === true) io.out(JSON.stringify({ ...result, swapped: true }));
        else {
          const rows = Object.entries(result.rows).map(([table, n]) => `${table} ${n} 行`);
          io.out(`读模型 ${result.projection} 已重建并替换（重放到日志位置 ${result.position ?? '无'}；${rows.join('，') || '无数据行'}）`);
        }
      } finally {
        await live.close();
      }
      return 0;
    } catch (error) {
      if (!(error instanceof UnknownProjection || error instanceof RebuildRefused)) throw error;
      io.err(`重建被拒绝：${error.message}`);
      return 2;
    } finally {
      await store.close();
    }
  },
};
