import { SqlDatabase } from '@bihuan/database';
import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';

/** The tables a projection owns in one SQL database (SQLite or PostgreSQL): what a rebuild builds aside and swaps in. */
export interface ReadModelTables {
  readonly database: SqlDatabase;
  readonly tables: readonly string[];
}

/**
 * A read model fed from the log (architecture.md, rule 7): disposable, rebuildable from the log
 * while the live one keeps answering (`rebuildAside`). `handle` must tolerate seeing an event again
 * after a crash between handling and checkpointing, unless the projection keeps its checkpoint
 * itself (see `checkpoints`).
 */
export interface Projection {
  /** Unique; also the checkpoint's name. */
  readonly name: string;
  readonly filter?: EventFilter;
  handle(event: RecordedEvent): Promise<void> | void;
  /**
   * Set when the projection can take a page of consecutive events (position order) as one unit —
   * all applied or none, with the checkpoint of the last one (TableProjection): the runner then
   * delivers batches. `handle(e)` must be the same as `handleBatch([e])`.
   */
  handleBatch?(events: readonly RecordedEvent[]): Promise<void> | void;
  /**
   * Set when `handle` saves the checkpoint itself, atomically with its own writes (e.g.
   * TableProjection). The runner then only loads from it and never saves after `handle`.
   */
  readonly checkpoints?: CheckpointStore;
  /** Set when the read model is tables written in one transaction with the checkpoint (TableProjection): only then can it be rebuilt aside. */
  readonly readModelTables?: ReadModelTables;
}
