import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CALENDAR, CalendarService, POLICIES, PolicyRegistry, READ_MODEL_DB } from '@bihuan/platform';
import { TIMER_SCHEDULER, TimerScheduler } from '@bihuan/timers';
import { WORKER_CONTRIBUTIONS } from './worker-contributions';
import { ProjectionStatus, WorkerRuntime } from './worker-runtime';

/**
 * The worker inside Nest: starts once every module is initialised and stops in
 * `beforeApplicationShutdown` (SIGTERM with enableShutdownHooks) — before the platform closes the
 * store and the timer backend in `onApplicationShutdown`.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly runtime: WorkerRuntime;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(TIMER_SCHEDULER) scheduler: TimerScheduler,
    @Inject(CLOCK) clock: Clock,
    @Inject(ID_GENERATOR) ids: IdGenerator,
    @Inject(READ_MODEL_DB) readModels: Database.Database,
    @Inject(CALENDAR) calendar: CalendarService,
    @Inject(POLICIES) policies: PolicyRegistry,
  ) {
    const logger = new Logger('Worker');
    this.runtime = new WorkerRuntime({ store, scheduler, clock, ids, readModels, calendar, policies }, WORKER_CONTRIBUTIONS, {
      log: (m) => logger.log(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  projections(): Promise<ProjectionStatus[]> {
    return this.runtime.status();
  }
}
