import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { TIMER_SCHEDULER, TimerScheduler } from '@bihuan/timers';
import { SqlDatabase } from '@bihuan/database';
import { AppConfig, stagingDirOf } from './config/app-config';
import { sweepStaleStaging } from './files/staging-session';
import { CONFIG, READ_MODEL_DB, READ_MODELS } from './platform.tokens';

export const OWNS_RESOURCES = Symbol('OWNS_RESOURCES');

/** Which resources the platform opened itself and so must close (tests own the doubles they pass). */
export interface OwnedResources {
  readonly storeAndTimers: boolean;
  readonly readModels: boolean;
}

/**
 * At start, removes the staging files of uploads a stopped process left (sweepStaleStaging).
 * Closes the store, the timer backend and the read-model connection on shutdown. It runs in
 * `onApplicationShutdown`, the last hook, so the worker (which stops in `beforeApplicationShutdown`)
 * and in-flight HTTP requests are done with them first.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TIMER_SCHEDULER) private readonly scheduler: TimerScheduler,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database | null,
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(OWNS_RESOURCES) private readonly owns: OwnedResources,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a slow disk must not hold the start; a failure is only logged.
    sweepStaleStaging(stagingDirOf(this.config)).then(
      (removed) => removed > 0 && this.logger.log(`Removed ${removed} staging file(s) left by an interrupted upload`),
      (error: unknown) =>
        this.logger.error(`Sweeping the staging directory failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.owns.storeAndTimers) {
      await this.attempt('timer scheduler', () => this.scheduler.close());
      await this.attempt('event store', () => this.store.close());
    }
    if (this.owns.readModels) {
      await this.attempt('read-model database', () => this.database.close());
      await this.attempt('read models', () => {
        if (this.readModels?.open) this.readModels.close();
      });
    }
  }

  private async attempt(what: string, close: () => Promise<void> | void): Promise<void> {
    try {
      await close();
    } catch (error) {
      this.logger.error(`Closing the ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
