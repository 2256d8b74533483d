import { existsSync } from 'node:fs';
import { SystemClock } from '@bihuan/core';
import { openEventStore, openReadModels, rebuildReadModel, sqliteFileOf, UnknownProjection, workerProjections } from '@bihuan/platform';
import { RebuildRefused } from '@bihuan/processing';
import { READ_MODEL_MIGRATIONS, WORKER_CONTRIBUTIONS } from '@bihuan/app';
import { UsageError } from '../argv';
import { CliCommand } from '../cli-command';
import { cliConfig } from './cli-config';

/**
 * `rebuild <projection>` (or `rebuild --list`): builds the read model again from the log beside
 * the live one and swaps it in (rebuildAside, docs/operations.md). The API keeps answering from the
 * old tables until the swap, and a running worker keeps projecting; neither needs a restart.
 */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'Rebuild a projection from the log aside, then swap it in (no downtime, worker may run)',
  usage: 'rebuild <projection> | rebuild --list [--data-dir <dir>]',
  async run(args, io) {
    const list = args.flags['list'] === true;
    const [name, ...rest] = args.positionals;
    if ((!list && !name) || rest.length > 0) throw new UsageError('name exactly one projection (rebuild --list shows them)');
    const config = cliConfig(args, io);
    if (!config) return 2;
    const liveFile = sqliteFileOf(config);
    if (!config.postgresUrl && !existsSync(liveFile)) {
      io.err(`No data at ${liveFile} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    const clock = new SystemClock();
    const store = await openEventStore(config, clock);
    try {
      // Migrated as the app does at start, so a rebuild finds the live tables it copies.
      const live = await openReadModels(config, READ_MODEL_MIGRATIONS);
      try {
        if (list) {
          for (const p of workerProjections(store, live, clock, WORKER_CONTRIBUTIONS)) io.out(p.name);
          return 0;
        }
        const result = await rebuildReadModel({ store, clock, contributions: WORKER_CONTRIBUTIONS, live, name: name! });
        io.out(JSON.stringify({ ...result, swapped: true }));
      } finally {
        await live.close();
      }
      return 0;
    } catch (error) {
      if (!(error instanceof UnknownProjection || error instanceof RebuildRefused)) throw error;
      io.err(error.message);
      return 2;
    } finally {
      await store.close();
    }
  },
};
