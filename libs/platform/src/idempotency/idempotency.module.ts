import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type Database from 'better-sqlite3';
import { Clock, CLOCK } from '@bihuan/core';
import { AppConfig } from '../config/app-config';
import { CONFIG, READ_MODEL_DB } from '../platform.tokens';
import { IdempotencyGate } from './idempotency-gate';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_SETTINGS, IdempotencySettings, idempotencySettingsOf } from './idempotency-settings';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency-store.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

/**
 * Idempotent POSTs for an HTTP app: import once (AppModule); registers the interceptor globally.
 * Keys live on the read-model database (READ_MODEL_DB) until a shared database takes the port.
 */
@Module({
  providers: [
    { provide: IDEMPOTENCY_SETTINGS, useFactory: (config: AppConfig) => idempotencySettingsOf(config), inject: [CONFIG] },
    { provide: IDEMPOTENCY_STORE, useFactory: (db: Database.Database) => SqliteIdempotencyStore.open(db), inject: [READ_MODEL_DB] },
    {
      provide: IdempotencyGate,
      useFactory: (store: IdempotencyStore, clock: Clock, settings: IdempotencySettings) => new IdempotencyGate(store, clock, settings),
      inject: [IDEMPOTENCY_STORE, CLOCK, IDEMPOTENCY_SETTINGS],
    },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyGate, IDEMPOTENCY_STORE],
})
export class IdempotencyModule {}
