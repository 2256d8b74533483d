import { DEADLINE_EVENT_TYPES } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';
import { Projection, ReadModelTables } from '../projections/projection';
import { TableProjection } from '../projections/table-projection';
import { applyDeadlineEvent, MemoryPendingDeadlines, PendingDeadline, PendingDeadlinesStore } from './pending-deadlines';
import { PendingDeadlineTables, TablePendingDeadlines } from './table-pending-deadlines.adapter';

export const PENDING_DEADLINES = 'pendingDeadlines';

/**
 * Every deadline that is still pending or paused, from the deadline events of all streams. The
 * worker re-arms timers from it on start (`rearmPendingDeadlines`) and its timer reconciler reads
 * it while running, so a timer lost with Redis or a crash still fires. The table variant writes a
 * batch's rows and its checkpoint in one transaction (TableProjection); `pending()` reads through
 * the database, i.e. what the projection has committed.
 */
export class PendingDeadlinesProjection implements Projection {
  readonly name = PENDING_DEADLINES;
  readonly filter: EventFilter = { eventTypes: DEADLINE_EVENT_TYPES };
  readonly checkpoints?: CheckpointStore;
  readonly readModelTables?: ReadModelTables;
  private readonly transactional: TableProjection<PendingDeadlineTables> | null;

  private constructor(
    /** Where `pending()` reads. */
    readonly readModel: PendingDeadlinesStore,
    /** Given when the read model is tables of this database: checkpoint in the same transaction. */
    database?: SqlDatabase,
  ) {
    this.transactional = database
      ? new TableProjection<PendingDeadlineTables>(database, {
          name: this.name,
          filter: this.filter,
          tables: ['pending_deadlines'],
          apply: (event, trx) => applyDeadlineEvent(TablePendingDeadlines.on(trx), event),
        })
      : null;
    if (this.transactional) {
      this.checkpoints = this.transactional.checkpoints;
      this.readModelTables = this.transactional.readModelTables;
    }
  }

  static memory(): PendingDeadlinesProjection {
    return new PendingDeadlinesProjection(new MemoryPendingDeadlines());
  }

  /** On the read-model database, migrated with PROCESSING_MIGRATIONS. */
  static table(database: SqlDatabase): PendingDeadlinesProjection {
    return new PendingDeadlinesProjection(TablePendingDeadlines.of(database), database);
  }

  handle(event: RecordedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (this.transactional) return this.transactional.handleBatch(events);
    for (const event of events) await applyDeadlineEvent(this.readModel, event);
  }

  /** Pending and paused deadlines, by dueAt. */
  pending(): Promise<PendingDeadline[]> {
    return this.readModel.list();
  }
}
