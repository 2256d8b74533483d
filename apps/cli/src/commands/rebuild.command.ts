import { existsSync } from 'node:fs';
import { SystemClock } from '@bihuan/core';
import { openEventStore, openReadModelDb, sqliteFileOf } from '@bihuan/platform';
import { WORKER_CONTRIBUTIONS } from '@bihuan/app';
import { UsageError } from '../argv';
import { CliCommand } from '../cli-command';
import { cliConfig } from './cli-config';
import { resetProjection, workerProjections } from './projection-catalogue';

/**
 * `rebuild <projection>` (or `rebuild --list`): empties one read model and deletes its checkpoint,
 * so the worker projects it again from the start of the log. Run it with the worker stopped (a
 * running worker keeps its in-memory position and would only add later events), then start the
 * worker. Building aside and swapping without downtime is future work (docs/operations.md).
 */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'Reset a projection (read model + checkpoint) so the worker rebuilds it from the log',
  usage: 'rebuild <projection> | rebuild --list [--data-dir <dir>]',
  async run(args, io) {
    const list = args.flags['list'] === true;
    const [name, ...rest] = args.positionals;
    if ((!list && !name) || rest.length > 0) throw new UsageError('name exactly one projection (rebuild --list shows them)');
    const config = cliConfig(args, io);
    if (!config) return 2;
    if (!existsSync(sqliteFileOf(config))) {
      io.err(`No data at ${sqliteFileOf(config)} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    const clock = new SystemClock();
    const store = await openEventStore(config, clock);
    const readModels = openReadModelDb(config);
    try {
      const projections = workerProjections(store, readModels, clock, WORKER_CONTRIBUTIONS);
      if (list) {
        for (const p of projections) io.out(p.name);
        return 0;
      }
      const projection = projections.find((p) => p.name === name);
      if (!projection) {
        io.err(`Unknown projection "${name}" (known: ${projections.map((p) => p.name).join(', ')})`);
        return 2;
      }
      await resetProjection(projection, readModels);
      io.out(JSON.stringify({ projection: projection.name, reset: true, note: 'start (or restart) the worker to rebuild it from the log' }));
      return 0;
    } finally {
      readModels.close();
      await store.close();
    }
  },
};
