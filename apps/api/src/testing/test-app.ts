import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { DEMO_USERS } from '@bihuan/demo';
import { EventStore, MemoryEventStore, SqliteEventStore } from '@bihuan/event-store';
import { AppConfig, ReadModelSync, READ_MODEL_SYNC, TimeSkipping } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';

/**
 * The real app for e2e tests (architecture.md, Tests): memory store, manual timers and a FakeClock,
 * with the worker in-process (ROLE=all), so `advanceTo` runs whole weeks of deadlines in milliseconds.
 */
export interface TestApp {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: FakeClock;
  readonly store: EventStore;
  readonly scheduler: ManualTimerScheduler;
  readonly readModels: Database.Database;
  /** The log's SQLite file when created with `{ sqlite: true }` (to tamper with it behind the store's back). */
  readonly file: string | null;
  /** A bearer header for a demo user (see DEMO_USERS: 'inspector-a1', 'hospital-a1-1', 'leader-prov' …). */
  auth(userId: string): { Authorization: string };
  /** GET `path` as a demo user, keeping the body as raw bytes (XLSX and CSV exports). */
  download(path: string, userId: string): request.Test;
  /** Waits until projections and workflows have processed the whole log. */
  settle(): Promise<void>;
  /** Moves the clock, fires every due timer, and settles after each. */
  advanceTo(instant: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `sqlite: true` puts the log in a SqliteEventStore in a temp directory (also DATA_DIR, so nothing
 * the app opens there outlives the test) instead of the memory store; `fileReadModels: true` puts
 * the read models in a file there, as production does (what a rebuild aside needs). `config` overrides settings
 * of the validated configuration (testConfig's defaults otherwise), e.g. `trustProxy`; `extra` adds
 * test modules (probes).
 */
export async function createTestApp(
  options: {
    start?: string;
    sqlite?: boolean;
    fileReadModels?: boolean;
    config?: Partial<AppConfig>;
    extra?: readonly DynamicModule[];
  } = {},
): Promise<TestApp> {
  const clock = new FakeClock(options.start ?? '2025-03-03T01:00:00.000Z');
  const dir = options.sqlite || options.fileReadModels ? mkdtempSync(join(tmpdir(), 'bihuan-e2e-')) : null;
  const file = dir && options.sqlite ? join(dir, 'events.sqlite') : null;
  const store = file ? SqliteEventStore.open({ file, clock }) : new MemoryEventStore(clock);
  const scheduler = new ManualTimerScheduler(clock);
  const readModels = dir && options.fileReadModels ? fileReadModels(join(dir, 'read-models.sqlite')) : new Database(':memory:');
  const config = { role: 'all' as const, logLevel: 'silent' as const, ...(dir ? { dataDir: dir } : {}), ...options.config };
  const app = await createApp({
    platform: { store, scheduler, clock, ids: new SequentialIdGenerator('e2e'), readModels, config },
    extra: options.extra,
  });
  await app.init();
  const sync = app.get<ReadModelSync>(READ_MODEL_SYNC);
  const tokens = app.get(TokenService);
  const skipping = new TimeSkipping(store, sync, scheduler);
  const http = request(app.getHttpServer());
  const auth = (userId: string): { Authorization: string } => {
    const user = DEMO_USERS.find((u) => u.id === userId);
    if (!user) throw new Error(`No demo user ${userId}`);
    return { Authorization: `Bearer ${tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name })}` };
  };
  return {
    app,
    http,
    clock,
    store,
    scheduler,
    readModels,
    file,
    auth,
    download: (path, userId) =>
      http
        .get(path)
        .set(auth(userId))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
    settle: () => skipping.settle(),
    advanceTo: (instant) => skipping.advanceTo(instant),
    async close() {
      await app.close();
      await store.close();
      readModels.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A read-model file opened as production opens it (openReadModelDb): WAL, so a rebuild can attach it beside the app's connection. */
function fileReadModels(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
