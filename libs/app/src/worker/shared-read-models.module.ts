import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CheckpointPoller, READ_MODEL_SYNC, READ_MODELS, ReadModelSync, workerProjections } from '@bihuan/platform';
import { TableCheckpointStore } from '@bihuan/processing';
import { WORKER_CONTRIBUTIONS } from './worker-contributions';

/**
 * An API without a worker in its process (ROLE=api) reads read models that workers elsewhere keep
 * in the shared database: its commands and `Bihuan-Min-Position` reads wait on those projections'
 * checkpoints (CheckpointPoller) instead of on runners it does not have. The projections (names
 * and filters) are those this deployment's workers run, built (never started) from the same catalogue.
 */
@Injectable()
export class SharedReadModelsWait implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  onApplicationBootstrap(): void {
    const projections = workerProjections(this.store, this.database, this.clock, WORKER_CONTRIBUTIONS);
    this.sync.register(new CheckpointPoller(new TableCheckpointStore(this.database), this.store, projections));
  }
}

@Module({ providers: [SharedReadModelsWait] })
export class SharedReadModelsModule {}
