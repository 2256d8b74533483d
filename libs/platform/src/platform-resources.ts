import Database from 'better-sqlite3';
import { Clock } from '@bihuan/core';
import {
  applyConnectionPragmas,
  MigrationSet,
  migrateToLatest,
  openPostgresDatabase,
  openSqliteDatabase,
  SqlDatabase,
} from '@bihuan/database';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { EsdbEventStore, EventStore, PostgresEventStore, SqliteEventStore } from '@bihuan/event-store';
import { BullmqTimerScheduler, SqliteTimerScheduler, TimerScheduler } from '@bihuan/timers';
import { AppConfig, sqliteFileOf } from './config/app-config';
import { PLATFORM_TABLE_MIGRATIONS } from './platform.migrations';

/**
 * Opens the log the configuration names: EventStoreDB when ESDB_URL is set, else PostgreSQL (schema
 * `eventlog`) when POSTGRES_URL is set, else the SQLite file.
 */
export async function openEventStore(config: AppConfig, clock: Clock): Promise<EventStore> {
  if (config.esdbUrl) return EsdbEventStore.connect(config.esdbUrl, clock);
  if (config.postgresUrl) return PostgresEventStore.connect({ url: config.postgresUrl, clock });
  return SqliteEventStore.open({ file: sqliteFileOf(config), clock, synchronous: config.sqliteSynchronous });
}

/** Opens the timer backend: BullMQ (TIMER_QUEUE, REDIS_PREFIX) when REDIS_URL is set, else timers in the SQLite file. */
export async function openTimerScheduler(config: AppConfig, clock: Clock): Promise<TimerScheduler> {
  if (config.redisUrl)
    return BullmqTimerScheduler.connect({
      connection: config.redisUrl,
      clock,
      queueName: config.timers.queue,
      prefix: config.timers.redisPrefix,
    });
  return SqliteTimerScheduler.open({ file: sqliteFileOf(config), clock });
}

/** Opens the read-model connection on the embedded file (WAL, the configured durability). */
export function openReadModelDb(config: AppConfig): Database.Database {
  const db = new Database(sqliteFileOf(config));
  applyConnectionPragmas(db, { synchronous: config.sqliteSynchronous });
  return db;
}

/** What every deployment keeps in the read-model database, whichever contexts it serves. */
export const PLATFORM_MIGRATIONS: readonly MigrationSet[] = [PROCESSING_MIGRATIONS, PLATFORM_TABLE_MIGRATIONS];

/**
 * The read-model database, migrated to the latest schema before anything reads it (several
 * processes starting together migrate once: libs/database/src/migrations.ts): on PostgreSQL when
 * POSTGRES_URL is set, else on the embedded file (through `connection`, the READ_MODEL_DB
 * connection, when the caller holds one).
 */
export async function openReadModels(
  config: Pick<AppConfig, 'postgresUrl' | 'dataDir' | 'sqliteSynchronous'>,
  migrations: readonly MigrationSet[],
  connection?: Database.Database,
): Promise<SqlDatabase> {
  const database = config.postgresUrl
    ? await openPostgresDatabase({ url: config.postgresUrl })
    : openSqliteDatabase({ file: connection ?? sqliteFileOf(config), synchronous: config.sqliteSynchronous });
  await migrateReadModels(database, migrations);
  return database;
}

/** The platform's migrations and then `migrations` (the contexts'), as every process runs them at start. */
export async function migrateReadModels(database: SqlDatabase, migrations: readonly MigrationSet[]): Promise<void> {
  await migrateToLatest(database, [...PLATFORM_MIGRATIONS, ...migrations]);
}
