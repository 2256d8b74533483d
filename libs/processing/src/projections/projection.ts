import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';

/**
 * A read model fed from the log (architecture.md, rule 7): disposable, rebuildable from scratch.
 * `handle` must tolerate seeing an event again after a crash between handling and checkpointing,
 * unless the projection keeps its checkpoint itself (see `checkpoints`).
 */
export interface Projection {
  /** Unique; also the checkpoint's name. */
  readonly name: string;
  readonly filter?: EventFilter;
  handle(event: RecordedEvent): Promise<void> | void;
  /** Empties the read model before a rebuild. */
  reset?(): Promise<void> | void;
  /**
   * Set when `handle` saves the checkpoint itself, atomically with its own writes (e.g.
   * SqliteProjection). The runner then only loads from it and never saves after `handle`.
   */
  readonly checkpoints?: CheckpointStore;
}
