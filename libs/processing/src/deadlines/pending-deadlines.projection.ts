import Database from 'better-sqlite3';
import { DEADLINE_EVENT_TYPES } from '@bihuan/core';
import { EventFilter, RecordedEvent } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';
import { Projection, SqliteReadModel } from '../projections/projection';
import { SqliteProjection } from '../projections/sqlite-projection';
import { applyDeadlineEvent, MemoryPendingDeadlines, PendingDeadline, PendingDeadlinesStore } from './pending-deadlines';
import { SqlitePendingDeadlines } from './sqlite-pending-deadlines.adapter';

/**
 * Every deadline that is still pending or paused, from the deadline events of all streams. The
 * worker re-arms timers from it on start (`rearmPendingDeadlines`), so a timer lost with Redis or
 * a crash still fires. The SQLite variant writes rows and checkpoint in one transaction.
 */
export class PendingDeadlinesProjection implements Projection {
  readonly name = 'pendingDeadlines';
  readonly filter: EventFilter = { eventTypes: DEADLINE_EVENT_TYPES };
  readonly checkpoints?: CheckpointStore;
  readonly sqlite?: SqliteReadModel;
  private readonly transactional: SqliteProjection | null;

  constructor(
    readonly readModel: PendingDeadlinesStore,
    /** Given when the read model is in this database: checkpoint in the same transaction. */
    db?: Database.Database,
  ) {
    this.transactional = db
      ? new SqliteProjection({
          name: this.name,
          db,
          filter: this.filter,
          tables: ['pending_deadlines'],
          apply: (e) => applyDeadlineEvent(readModel, e),
        })
      : null;
    if (this.transactional) {
      this.checkpoints = this.transactional.checkpoints;
      this.sqlite = this.transactional.sqlite;
    }
  }

  static memory(): PendingDeadlinesProjection {
    return new PendingDeadlinesProjection(new MemoryPendingDeadlines());
  }

  static sqlite(db: Database.Database): PendingDeadlinesProjection {
    return new PendingDeadlinesProjection(new SqlitePendingDeadlines(db), db);
  }

  handle(event: RecordedEvent): void {
    this.handleBatch([event]);
  }

  handleBatch(events: readonly RecordedEvent[]): void {
    if (this.transactional) this.transactional.handleBatch(events);
    else for (const event of events) applyDeadlineEvent(this.readModel, event);
  }

  /** Pending and paused deadlines, by dueAt. */
  pending(): PendingDeadline[] {
    return this.readModel.list();
  }
}
