import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { Projection, SqliteReadModel } from './projection';
import { swapTables } from './sqlite-swap';

export interface RebuildAsideOptions {
  readonly store: EventStore;
  /** The live read-model file (WAL) that the API reads and a running worker may be writing. */
  readonly liveFile: string;
  /** Where the new generation is built; whatever a crashed rebuild left there is discarded first. */
  readonly asideFile: string;
  /** The projection's factory, called on the aside database (the worker calls it on the live one). */
  readonly build: (db: Database.Database) => Projection;
  readonly pageSize?: number;
  /** How long to wait for the live file's write lock (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /** Called after each page built aside, before the swap (tests pause or fail here). */
  readonly afterPage?: (checkpoint: number | null) => Promise<void> | void;
}

export interface RebuildAsideResult {
  readonly projection: string;
  /** The checkpoint the new generation went live with (null: no event for it in the log). */
  readonly position: number | null;
  /** Rows per swapped table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** The projection keeps no SQLite tables, so there is nothing to build aside and swap. */
export class RebuildRefused extends Error {}

const LIVE = 'live';

/**
 * Rebuilds one projection without downtime (architecture.md, rule 7). The new generation is
 * built in a separate file from the beginning of the log, with its own checkpoint, while the live
 * tables keep answering and a running worker keeps projecting into them. Then, in one synchronous
 * transaction holding the live file's write lock, it reads the live checkpoint and, if the new
 * generation has got at least as far, swaps the tables and the checkpoint; otherwise it lets go,
 * catches up further, and tries again. That is all a running worker needs: every event it applied
 * is at or below the live checkpoint, hence in the new tables, and it skips whatever the new
 * checkpoint covers (SqliteProjection checks it inside its own write transaction) and applies the
 * rest — none lost, none twice. Nothing is awaited under the lock, so a worker in the same process
 * cannot deadlock with it. A crash at any point leaves the live tables as they were; the next
 * rebuild starts over.
 */
export async function rebuildAside(options: RebuildAsideOptions): Promise<RebuildAsideResult> {
  const pageSize = options.pageSize ?? 500;
  discard(options.asideFile);
  const aside = new Database(options.asideFile, { timeout: options.busyTimeoutMs ?? 5000 });
  aside.pragma('synchronous = OFF'); // scratch: a crash discards it anyway
  try {
    const built = builtOn(options.build(aside), aside);
    for (let attempt = 1; ; attempt += 1) {
      // Without any lock, page by page, until a page comes back short: the head as it stood.
      for (let read = pageSize; read === pageSize;) {
        read = await catchUp(options.store, built, pageSize);
        await options.afterPage?.(built.checkpoints.loadSync(built.projection.name));
        // A synchronous store and a synchronous apply would otherwise never let the event loop
        // run: the API in the same process would not answer until the rebuild ends.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const swapped = swapIfCaughtUp(built, options.liveFile);
      if (swapped) return swapped;
      if (attempt === MAX_ATTEMPTS)
        throw new Error(
          `Rebuilding ${built.projection.name}: the live projection kept ahead of the rebuild ${MAX_ATTEMPTS} times; try again`,
        );
    }
  } finally {
    aside.close();
    discard(options.asideFile);
  }
}

const MAX_ATTEMPTS = 20;

/** The projection as built on the aside database, with what the rebuild needs of it. */
interface Built {
  readonly projection: Projection;
  readonly model: SqliteReadModel;
  readonly checkpoints: SqliteCheckpointStore;
  /** Handles a page of events in one transaction. */
  readonly handlePage: (events: readonly RecordedEvent[]) => void;
}

function builtOn(projection: Projection, aside: Database.Database): Built {
  const { sqlite: model, checkpoints } = projection;
  const handleBatch = projection.handleBatch?.bind(projection);
  if (!model || !handleBatch || model.db !== aside || !(checkpoints instanceof SqliteCheckpointStore) || checkpoints.db !== aside) {
    throw new RebuildRefused(`Projection ${projection.name} keeps no SQLite read model with its checkpoint: it cannot be rebuilt aside`);
  }
  // The same batch path as the live runner: one transaction and one checkpoint write per page.
  return { projection, model, checkpoints, handlePage: (events) => void handleBatch(events) };
}

/**
 * Synchronous from BEGIN to COMMIT. BEGIN IMMEDIATE takes the write lock of every attached file,
 * so the live checkpoint cannot move between reading it and swapping. Null when the live
 * projection is ahead of the new generation (a worker handled events the rebuild has not read).
 */
function swapIfCaughtUp(built: Built, liveFile: string): RebuildAsideResult | null {
  const db = built.model.db;
  const name = built.projection.name;
  db.prepare(`ATTACH DATABASE ? AS ${LIVE}`).run(liveFile);
  try {
    return db
      .transaction((): RebuildAsideResult | null => {
        const position = built.checkpoints.loadSync(name);
        const hasCheckpoints = db.prepare(`SELECT 1 FROM ${LIVE}.sqlite_master WHERE name = 'checkpoints'`).get() !== undefined;
        const live = hasCheckpoints
          ? (db.prepare(`SELECT position FROM ${LIVE}.checkpoints WHERE name = ?`).pluck().get(name) as number | undefined)
          : undefined;
        if (live !== undefined && (position === null || position < live)) return null;
        return { projection: name, position, rows: swapTables(db, LIVE, built.model.tables, name) };
      })
      .immediate();
  } finally {
    db.exec(`DETACH DATABASE ${LIVE}`);
  }
}

/** Applies the next page after the checkpoint; answers how many events it read. */
async function catchUp(store: EventStore, built: Built, pageSize: number): Promise<number> {
  const { projection } = built;
  const fromPosition = built.checkpoints.loadSync(projection.name);
  const page = await store.readAll({ fromPosition, maxCount: pageSize, ...(projection.filter ? { filter: projection.filter } : {}) });
  built.handlePage(page);
  return page.length;
}

function discard(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
