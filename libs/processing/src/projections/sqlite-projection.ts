import Database from 'better-sqlite3';
import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { Projection, SqliteReadModel } from './projection';

export interface SqliteProjectionSpec {
  readonly name: string;
  readonly db: Database.Database;
  readonly filter?: EventFilter;
  /**
   * The tables this projection alone writes (created by its factory, with their indexes). A
   * rebuild builds exactly these aside and swaps them in; `reset` empties them.
   */
  readonly tables: readonly string[];
  /** Writes the read model rows for one event; synchronous, as better-sqlite3 transactions are. */
  apply(event: RecordedEvent, db: Database.Database): void;
}

/**
 * A projection whose read model lives in a SQLite database: a batch of events' rows and the
 * checkpoint (the batch's last position) are written in one transaction, so after a crash the read
 * model and its checkpoint always agree and no event is applied twice — and a failing event rolls
 * the whole batch back, the runner restarting from the checkpoint before it. One transaction (and
 * one fsync) per batch instead of per event is what lets a catch-up run near the store's read rate.
 */
export class SqliteProjection implements Projection {
  readonly name: string;
  readonly filter?: EventFilter;
  readonly checkpoints: SqliteCheckpointStore;
  readonly sqlite: SqliteReadModel;
  private readonly applyInTransaction: Database.Transaction<(events: readonly RecordedEvent[]) => void>;

  constructor(private readonly spec: SqliteProjectionSpec) {
    this.name = spec.name;
    this.filter = spec.filter;
    this.sqlite = { db: spec.db, tables: spec.tables };
    this.checkpoints = new SqliteCheckpointStore(spec.db);
    this.applyInTransaction = spec.db.transaction((events: readonly RecordedEvent[]) => {
      const checkpoint = this.checkpoints.loadSync(this.name);
      let last: number | null = null;
      for (const event of events) {
        if (checkpoint !== null && event.position <= checkpoint) continue; // already applied
        spec.apply(event, spec.db);
        last = event.position;
      }
      if (last !== null) this.checkpoints.saveSync(this.name, last);
    });
  }

  /**
   * BEGIN IMMEDIATE: the transaction reads the checkpoint before it writes, and a deferred one that
   * upgrades to a write after another process committed fails at once with SQLITE_BUSY (WAL
   * snapshot rule, busy_timeout does not help). Taking the write lock first makes it wait instead.
   * Inside an open transaction it nests as a savepoint. Events must come in position order.
   */
  handleBatch(events: readonly RecordedEvent[]): void {
    if (events.length > 0) this.applyInTransaction.immediate(events);
  }

  /** One event: a batch of one (the same path, so the same guarantees). */
  handle(event: RecordedEvent): void {
    this.handleBatch([event]);
  }

  /** Empties the tables and forgets the checkpoint, in place (tests; a live rebuild uses rebuildAside). */
  reset(): void {
    this.spec.db.transaction(() => {
      for (const table of this.spec.tables) this.spec.db.exec(`DELETE FROM "${table}"`);
      this.checkpoints.deleteSync(this.name);
    })();
  }
}
