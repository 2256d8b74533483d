import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { WorkerDeps } from '@bihuan/platform';

/** Process-wide (Symbol.for), so every context's projections on one connection find the same instance. */
const SHARED = Symbol.for('bihuan.worker-read-models');

type Holder = BetterSqlite3.Database & { [SHARED]?: SqlDatabase };

/**
 * TRANSITIONAL (issue 15): WorkerDeps still hands contributions the raw READ_MODEL_DB connection,
 * not the READ_MODELS SqlDatabase. Until it does (then this becomes `deps.database`), the worker's
 * table projections share one SqlDatabase per connection: Kysely lets one query or transaction at
 * a time onto the connection of one instance, whereas two instances' transactions on the same
 * connection would collide ("cannot start a transaction within a transaction").
 */
export function workerReadModels(deps: Pick<WorkerDeps, 'readModels'>): SqlDatabase {
  const holder: Holder = deps.readModels;
  holder[SHARED] ??= openSqliteDatabase({ file: deps.readModels });
  return holder[SHARED];
}
