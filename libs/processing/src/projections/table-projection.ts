import { Kysely } from 'kysely';
import { NoTables, SqlDatabase } from '@bihuan/database';
import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import {
  advanceCheckpoint,
  CheckpointTables,
  lockCheckpoint,
  saveCheckpoint,
  TableCheckpointStore,
} from '../checkpoints/table-checkpoint-store.adapter';
import { Projection, ReadModelTables } from './projection';

export interface TableProjectionSpec<DB> {
  readonly name: string;
  readonly filter?: EventFilter;
  /**
   * The tables this projection alone writes (made by its owner's migrations). A rebuild builds
   * exactly these aside and swaps them in; `reset` empties them.
   */
  readonly tables: readonly string[];
  /**
   * Writes the rows of one event through `db`, the batch's transaction. Never through another
   * handle: on SQLite the transaction holds the one connection, and a query on another handle
   * would wait for it forever.
   */
  apply(event: RecordedEvent, db: Kysely<DB>): Promise<void>;
  /**
   * True for an event `apply` would write nothing for (a type the read model does not show). A
   * batch of only such events moves the checkpoint in one statement (`advanceCheckpoint`) instead
   * of a transaction that locks the checkpoint row and writes nothing else. Must agree with
   * `apply`: an event it says is ignored is never applied.
   */
  ignores?(event: RecordedEvent): boolean;
}

/**
 * A projection whose read model is tables in a SQL database (SQLite or PostgreSQL, through
 * Kysely): a batch of events' rows and the checkpoint (the batch's last position) are written in
 * one transaction, so after a crash the read model and its checkpoint always agree and no event
 * is applied twice — and a failing event rolls the whole batch back, the runner restarting from
 * the checkpoint before it. One transaction per batch instead of per event is what lets a
 * catch-up run near the store's read rate. Two workers running the same projection on one
 * PostgreSQL database take turns on the checkpoint row (`lockCheckpoint`).
 */
export class TableProjection<DB> implements Projection {
  readonly name: string;
  readonly filter?: EventFilter;
  readonly checkpoints: TableCheckpointStore;
  readonly readModelTables: ReadModelTables;

  constructor(
    readonly database: SqlDatabase,
    private readonly spec: TableProjectionSpec<DB>,
  ) {
    this.name = spec.name;
    if (spec.filter) this.filter = spec.filter;
    this.readModelTables = { database, tables: spec.tables };
    this.checkpoints = new TableCheckpointStore(database);
  }

  /** Events must come in position order; those at or below the checkpoint are skipped. */
  async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ignores = this.spec.ignores;
    // Derived writes: what a power cut loses, the checkpoint lost with it replays (no fsync of their own).
    if (ignores && events.every((event) => ignores(event))) {
      const position = events[events.length - 1]!.position;
      await this.database.derivedWrites((db) => advanceCheckpoint(db.withTables<CheckpointTables>(), this.name, position));
      return;
    }
    await this.database.derivedWrites((live) => this.applyBatch(live, events));
  }

  /** The batch's rows and its checkpoint in one transaction, under the checkpoint row's lock. */
  private async applyBatch(live: Kysely<NoTables>, events: readonly RecordedEvent[]): Promise<void> {
    await live.transaction().execute(async (trx) => {
      const checkpoint = await lockCheckpoint(trx.withTables<CheckpointTables>(), this.name);
      // Which tables exist is a type-level view of the same transaction.
      const db = trx as unknown as Kysely<DB>;
      let last: number | null = null;
      for (const event of events) {
        if (checkpoint !== null && event.position <= checkpoint) continue; // already applied
        await this.spec.apply(event, db);
        last = event.position;
      }
      if (last !== null) await saveCheckpoint(trx.withTables<CheckpointTables>(), this.name, last);
    });
  }

  /** One event: a batch of one (the same path, so the same guarantees). */
  handle(event: RecordedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** Empties the tables and forgets the checkpoint, in place (tests; a live rebuild uses rebuildAside). */
  async reset(): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      for (const table of this.spec.tables) await trx.withTables<Record<string, object>>().deleteFrom(table).execute();
      await trx.withTables<CheckpointTables>().deleteFrom('checkpoints').where('name', '=', this.name).execute();
    });
  }
}
