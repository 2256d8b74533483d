import { DynamicModule, Module, Provider } from '@nestjs/common';
import Database from 'better-sqlite3';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator, TimeOrderedIdGenerator } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { TIMER_SCHEDULER, TimerScheduler } from '@bihuan/timers';
import { AppConfig } from './config/app-config';
import { testConfig } from './config/load-config';
import { createClock } from './clock/demo-clock';
import { OWNS_RESOURCES, PlatformLifecycle } from './platform-lifecycle.service';
import { openEventStore, openReadModelDb, openReadModels, openTimerScheduler } from './platform-resources';
import { CALENDAR, CONFIG, POLICIES, READ_MODEL_DB, READ_MODEL_MIGRATIONS, READ_MODELS } from './platform.tokens';
import { MigrationSet } from '@bihuan/database';
import { CalendarService } from './calendar/calendar.service';
import { PolicyRegistry } from './policy/policy-registry';
import { READ_MODEL_SYNC, ReadModelSync } from './worker/read-model-sync';
import { CommandExecution } from './commands/command-execution';

const EXPORTS = [
  CONFIG,
  CLOCK,
  ID_GENERATOR,
  EVENT_STORE,
  TIMER_SCHEDULER,
  READ_MODEL_DB,
  READ_MODELS,
  CALENDAR,
  POLICIES,
  READ_MODEL_SYNC,
  CommandExecution,
];

/**
 * The read models through Kysely (the READ_MODEL_DB connection, or POSTGRES_URL), migrated before
 * first use. Opened after the log and the timers: on the embedded default they share one file,
 * and the store opening it synchronously while the migration holds its write lock across awaits
 * would deadlock the process (its busy wait blocks the event loop the migration needs).
 */
const READ_MODELS_PROVIDER: Provider = {
  provide: READ_MODELS,
  useFactory: (config: AppConfig, connection: Database.Database | null, migrations: readonly MigrationSet[]) =>
    openReadModels(config, migrations, connection ?? undefined),
  inject: [CONFIG, READ_MODEL_DB, READ_MODEL_MIGRATIONS, EVENT_STORE, TIMER_SCHEDULER],
};

/** Calendar and policies stand on the log, whichever adapter holds it. */
const LOG_BACKED: Provider[] = [
  { provide: READ_MODEL_SYNC, useFactory: () => new ReadModelSync() },
  {
    provide: CommandExecution,
    useFactory: (
      store: EventStore,
      clock: Clock,
      ids: IdGenerator,
      sync: ReadModelSync,
      calendars: CalendarService,
      policies: PolicyRegistry,
    ) => new CommandExecution(store, clock, ids, sync, calendars, policies),
    inject: [EVENT_STORE, CLOCK, ID_GENERATOR, READ_MODEL_SYNC, CALENDAR, POLICIES],
  },
  { provide: CALENDAR, useFactory: (store: EventStore, clock: Clock) => new CalendarService(store, clock), inject: [EVENT_STORE, CLOCK] },
  {
    provide: POLICIES,
    useFactory: (store: EventStore, clock: Clock) => new PolicyRegistry(store, () => clock.now().toISOString()),
    inject: [EVENT_STORE, CLOCK],
  },
];

/** What an e2e test hands the app instead of real infrastructure. */
export interface TestPlatform {
  readonly store: EventStore;
  readonly scheduler: TimerScheduler;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly config?: Partial<AppConfig>;
  /** Read-model database; a fresh in-memory SQLite when omitted. */
  readonly readModels?: Database.Database;
}

/**
 * The infrastructure every app stands on, as global providers: CONFIG, CLOCK, ID_GENERATOR,
 * EVENT_STORE, TIMER_SCHEDULER, READ_MODEL_DB. Contexts inject the tokens and never know
 * whether the log is SQLite or EventStoreDB.
 */
@Module({})
export class PlatformModule {
  /** Real adapters chosen by the configuration; closed on shutdown (enableShutdownHooks). */
  static forRoot(config: AppConfig, migrations: readonly MigrationSet[] = []): DynamicModule {
    const providers: Provider[] = [
      { provide: READ_MODEL_MIGRATIONS, useValue: migrations },
      READ_MODELS_PROVIDER,
      { provide: CONFIG, useValue: config },
      { provide: CLOCK, useFactory: () => createClock(config.clock) },
      { provide: ID_GENERATOR, useFactory: () => new TimeOrderedIdGenerator() },
      { provide: EVENT_STORE, useFactory: (clock: Clock) => openEventStore(config, clock), inject: [CLOCK] },
      { provide: TIMER_SCHEDULER, useFactory: (clock: Clock) => openTimerScheduler(config, clock), inject: [CLOCK] },
      // With POSTGRES_URL no read model is kept in DATA_DIR: no file is opened there for them.
      { provide: READ_MODEL_DB, useFactory: () => (config.postgresUrl ? null : openReadModelDb(config)) },
      { provide: OWNS_RESOURCES, useValue: { storeAndTimers: true, readModels: true } },
      ...LOG_BACKED,
      PlatformLifecycle,
    ];
    return { module: PlatformModule, global: true, providers, exports: EXPORTS };
  }

  /** Given test doubles (memory store, manual timers, FakeClock); the test closes them. */
  static forTest(platform: TestPlatform, migrations: readonly MigrationSet[] = []): DynamicModule {
    const providers: Provider[] = [
      { provide: READ_MODEL_MIGRATIONS, useValue: migrations },
      READ_MODELS_PROVIDER,
      { provide: CONFIG, useValue: testConfig(platform.config) },
      { provide: CLOCK, useValue: platform.clock },
      { provide: ID_GENERATOR, useValue: platform.ids },
      { provide: EVENT_STORE, useValue: platform.store },
      { provide: TIMER_SCHEDULER, useValue: platform.scheduler },
      { provide: READ_MODEL_DB, useFactory: () => platform.readModels ?? new Database(':memory:') },
      { provide: OWNS_RESOURCES, useValue: { storeAndTimers: false, readModels: !platform.readModels } },
      ...LOG_BACKED,
      PlatformLifecycle,
    ];
    return { module: PlatformModule, global: true, providers, exports: EXPORTS };
  }
}
