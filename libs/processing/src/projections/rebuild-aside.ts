import { SqlDatabase } from '@bihuan/database';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';
import { TableCheckpointStore } from '../checkpoints/table-checkpoint-store.adapter';
import { AsideTables, DEFAULT_LOCK_WAIT_MS, liveFileOf, RebuildRefused } from './aside-tables';
import { PostgresAsideTables } from './postgres-aside-tables';
import { SqliteAsideTables } from './sqlite-aside-tables';
import { Projection } from './projection';

export { asideLocationOf, RebuildRefused } from './aside-tables';

export interface RebuildAsideOptions {
  readonly store: EventStore;
  readonly pageSize?: number;
  /** How long the swap waits for the live database's locks (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /** Called after each page built aside, before the swap (tests pause or fail here). */
  readonly afterPage?: (checkpoint: number | null) => Promise<void> | void;

  /** The live read-model database (SQLite file or PostgreSQL) the API reads and a running worker may be writing. */
  readonly live: SqlDatabase;
  /**
   * Where the new generation is built (`asideLocationOf(live, projection)`): a scratch file beside
   * the live one on SQLite, a scratch schema `rebuild_…` on PostgreSQL. Whatever a crashed
   * rebuild left there is discarded first.
   */
  readonly aside: string;
  /** The projection's factory, called on the aside database (the worker calls it on the live one). */
  readonly build: (database: SqlDatabase) => Projection;
}

export interface RebuildAsideResult {
  readonly projection: string;
  /** The checkpoint the new generation went live with (null: no event for it in the log). */
  readonly position: number | null;
  /** Rows per swapped table. */
  readonly rows: Readonly<Record<string, number>>;
}

/**
 * Rebuilds one projection without downtime (architecture.md, rule 7). The new generation is built
 * aside (a scratch SQLite file, or a scratch PostgreSQL schema), in tables made like the live ones,
 * from the beginning of the log with its own checkpoint, while the live tables keep answering and a
 * running worker keeps projecting into them. Then, in one transaction holding the live checkpoint
 * (SQLite: the live file's write lock; PostgreSQL: the checkpoint row's lock), it reads the live
 * checkpoint and, if the new generation has got at least as far, swaps the tables and the
 * checkpoint; otherwise it lets go, catches up further, and tries again. That is all a running
 * worker needs: every event it applied is at or below the live checkpoint, hence in the new tables,
 * and it skips whatever the new checkpoint covers (a projection reads its checkpoint inside its own
 * write transaction) and applies the rest — none lost, none twice. A crash at any point leaves the
 * live tables as they were; the next rebuild discards the scratch and starts over. The engines'
 * own DDL is in aside-tables.ts.
 */
export async function rebuildAside(options: RebuildAsideOptions): Promise<RebuildAsideResult> {
  const pageSize = options.pageSize ?? 500;
  const aside = asideOf(options);
  try {
    const database = await aside.open();
    const built = builtOn(options.build(database), database);
    await aside.clone(built.tables);
    for (let attempt = 1; ; attempt += 1) {
      // Without any lock, page by page, until a page comes back short: the head as it stood.
      for (let read = pageSize; read === pageSize;) {
        read = await catchUp(options.store, built, pageSize);
        await options.afterPage?.(await built.checkpoints.load(built.projection.name));
        // A synchronous store and a synchronous apply would otherwise never let the event loop
        // run: the API in the same process would not answer until the rebuild ends.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const name = built.projection.name;
      const position = await built.checkpoints.load(name);
      const rows = await aside.swapIfCaughtUp(name, built.tables, position);
      if (rows) return { projection: name, position, rows };
      if (attempt === MAX_ATTEMPTS)
        throw new Error(`Rebuilding ${name}: the live projection kept ahead of the rebuild ${MAX_ATTEMPTS} times; try again`);
    }
  } finally {
    await aside.close();
  }
}

const MAX_ATTEMPTS = 20;

/** The scratch database for `live`: a file (`aside`) on SQLite, a schema (`aside`) on PostgreSQL. */
function asideTablesFor(live: SqlDatabase, aside: string, lockWaitMs = DEFAULT_LOCK_WAIT_MS): AsideTables {
  if (live.dialect === 'postgres') return new PostgresAsideTables(live, aside, lockWaitMs);
  return new SqliteAsideTables(liveFileOf(live), aside, lockWaitMs);
}

function asideOf(options: RebuildAsideOptions): AsideTables {
  return asideTablesFor(options.live, options.aside, options.busyTimeoutMs ?? DEFAULT_LOCK_WAIT_MS);
}

/** The projection as built on the aside database, with what the rebuild needs of it. */
interface Built {
  readonly projection: Projection;
  readonly tables: readonly string[];
  readonly checkpoints: CheckpointStore;
  /** Handles a page of events in one transaction, with its checkpoint. */
  readonly handlePage: (events: readonly RecordedEvent[]) => Promise<void> | void;
}

/**
 * Only a projection that writes its tables and its checkpoint in one transaction, in the database
 * it was built on, can be swapped (TableProjection).
 */
function builtOn(projection: Projection, database: SqlDatabase): Built {
  const { readModelTables: tables, checkpoints } = projection;
  const handleBatch = projection.handleBatch?.bind(projection);
  if (handleBatch && tables?.database === database && checkpoints instanceof TableCheckpointStore && checkpoints.database === database)
    return { projection, tables: tables.tables, checkpoints, handlePage: handleBatch };
  throw new RebuildRefused(`Projection ${projection.name} keeps no read-model tables with its checkpoint: it cannot be rebuilt aside`);
}

/** Applies the next page after the checkpoint — one transaction, the live runner's batch path; answers how many events it read. */
async function catchUp(store: EventStore, built: Built, pageSize: number): Promise<number> {
  const { projection } = built;
  const fromPosition = await built.checkpoints.load(projection.name);
  const page = await store.readAll({ fromPosition, maxCount: pageSize, ...(projection.filter ? { filter: projection.filter } : {}) });
  await built.handlePage(page);
  return page.length;
}
