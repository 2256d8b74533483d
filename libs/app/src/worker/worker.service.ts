import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import {
  CALENDAR,
  CalendarService,
  AppConfig,
  CommandExecution,
  CONFIG,
  POLICIES,
  PolicyRegistry,
  ProjectionStatus,
  READ_MODEL_SYNC,
  READ_MODELS,
  ReadModelSync,
  WorkerRuntime,
} from '@bihuan/platform';
import { TimerStatus } from '@bihuan/processing';
import { TIMER_SCHEDULER, TimerScheduler } from '@bihuan/timers';
import { WORKER_CONTRIBUTIONS } from './worker-contributions';

/**
 * The worker inside Nest: starts once every module is initialised and stops in
 * `beforeApplicationShutdown` (SIGTERM with enableShutdownHooks) — after the HTTP drain
 * (lifecycle/http-drain.service.ts, `onModuleDestroy`) and before the platform closes the store
 * and the timer backend in `onApplicationShutdown`.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly runtime: WorkerRuntime;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(TIMER_SCHEDULER) scheduler: TimerScheduler,
    @Inject(CLOCK) clock: Clock,
    @Inject(ID_GENERATOR) ids: IdGenerator,
    @Inject(READ_MODELS) database: SqlDatabase,
    @Inject(CALENDAR) calendar: CalendarService,
    @Inject(POLICIES) policies: PolicyRegistry,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(CONFIG) config: AppConfig,
    commands: CommandExecution,
  ) {
    const logger = new Logger('Worker');
    // The process's own write seam, so the worker's deliveries show in the command metrics too.
    this.runtime = new WorkerRuntime(
      { store, scheduler, clock, ids, database, calendar, policies, commands },
      WORKER_CONTRIBUTIONS,
      { log: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
      { timerReconcileMs: config.timers.reconcileSeconds * 1_000 },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
    // Command endpoints in this process wait for these before answering (read-your-writes).
    for (const runner of [...this.runtime.projections, ...this.runtime.workflows]) this.sync.register(runner);
  }

  /** Requests still waiting on read models answer now (their writes are done), then the runners stop. */
  beforeApplicationShutdown(): Promise<void> {
    this.sync.stop();
    return this.runtime.stop();
  }

  projections(): Promise<ProjectionStatus[]> {
    return this.runtime.status();
  }

  timers(): TimerStatus {
    return this.runtime.timerStatus();
  }
}
