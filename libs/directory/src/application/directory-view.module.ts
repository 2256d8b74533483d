import { Inject, Injectable, Module, BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Jurisdiction, UserDirectory } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { AppConfig, CommandExecution, CONFIG, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { seedDirectory } from './directory-seed';
import { LiveDirectory } from './live-directory';

/**
 * Seeds an empty directory and starts the live view at module init — before any
 * onApplicationBootstrap (the identity bootstrap reads the administrators there) — and registers
 * it for read-your-writes.
 */
@Injectable()
export class LiveDirectoryLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private unregister: (() => void) | null = null;

  constructor(
    private readonly live: LiveDirectory,
    private readonly execution: CommandExecution,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  async onModuleInit(): Promise<void> {
    await seedDirectory(this.execution, this.clock, this.config);
    await this.live.start();
    this.unregister = this.sync.register(this.live);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unregister?.();
    await this.live.stop();
  }
}

/**
 * The live directory and the two views every context reads it through: `Jurisdiction` (scope
 * checks) and `UserDirectory` (people). Handed to AuthModule.forRoot, which makes them global.
 */
@Module({
  providers: [
    { provide: LiveDirectory, useFactory: (store: EventStore) => new LiveDirectory(store), inject: [EVENT_STORE] },
    LiveDirectoryLifecycle,
    { provide: Jurisdiction, useFactory: (live: LiveDirectory) => live.jurisdiction, inject: [LiveDirectory] },
    { provide: UserDirectory, useFactory: (live: LiveDirectory) => live.users, inject: [LiveDirectory] },
  ],
  exports: [LiveDirectory, Jurisdiction, UserDirectory],
})
export class DirectoryViewModule {}
