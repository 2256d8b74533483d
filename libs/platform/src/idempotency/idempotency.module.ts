import { Module } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { AppConfig } from '../config/app-config';
import { CONFIG, READ_MODELS } from '../platform.tokens';
import { IdempotencyGate } from './idempotency-gate';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_SETTINGS, IdempotencySettings, idempotencySettingsOf } from './idempotency-settings';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency-store.port';
import { TableIdempotencyStore } from './table-idempotency-store.adapter';

/**
 * Idempotent POSTs for an HTTP app: import once (AppModule); createApp runs the interceptor first
 * in the API's one global chain.
 * Keys live in the read-model database (READ_MODELS: the SQLite file, or PostgreSQL shared by every API process).
 */
@Module({
  providers: [
    { provide: IDEMPOTENCY_SETTINGS, useFactory: (config: AppConfig) => idempotencySettingsOf(config), inject: [CONFIG] },
    { provide: IDEMPOTENCY_STORE, useFactory: (database: SqlDatabase) => new TableIdempotencyStore(database), inject: [READ_MODELS] },
    {
      provide: IdempotencyGate,
      useFactory: (store: IdempotencyStore, clock: Clock, settings: IdempotencySettings) => new IdempotencyGate(store, clock, settings),
      inject: [IDEMPOTENCY_STORE, CLOCK, IDEMPOTENCY_SETTINGS],
    },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyGate, IDEMPOTENCY_STORE, IdempotencyInterceptor],
})
export class IdempotencyModule {}
