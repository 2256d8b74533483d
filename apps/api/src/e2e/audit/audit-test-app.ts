import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator } from '@bihuan/core';
import { DEMO_USERS, TokenService } from '@bihuan/auth';
import { SqliteEventStore } from '@bihuan/event-store';
import { ReadModelSync, READ_MODEL_SYNC } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '../../create-app';
import { TestApp } from '../../testing/test-app';

/**
 * createTestApp (apps/api/src/testing/test-app.ts) on a SqliteEventStore in a temp directory
 * instead of the memory store, so that a test can tamper with a stored event behind the store's
 * back (the memory store cannot be). DATA_DIR is the same temp directory, so nothing the app
 * opens there (key store …) outlives the test. If createTestApp grows a `store` option this
 * shrinks to a call.
 */
export interface SqliteTestApp extends TestApp {
  /** The log's SQLite file. */
  readonly file: string;
}

export async function createSqliteTestApp(options: { start?: string } = {}): Promise<SqliteTestApp> {
  const clock = new FakeClock(options.start ?? '2025-03-03T01:00:00.000Z');
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-audit-e2e-'));
  const file = join(dir, 'events.sqlite');
  const store = SqliteEventStore.open({ file, clock });
  const scheduler = new ManualTimerScheduler(clock);
  const readModels = new Database(':memory:');
  const app = await createApp({
    platform: { store, scheduler, clock, ids: new SequentialIdGenerator('e2e'), readModels, config: { role: 'all', logLevel: 'silent', dataDir: dir } },
  });
  await app.init();
  const sync = app.get<ReadModelSync>(READ_MODEL_SYNC);
  const tokens = app.get(TokenService);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 20; i += 1) {
      const head = await store.headPosition();
      await sync.waitFor(head, 10_000);
      if ((await store.headPosition()) === head) return;
    }
  };
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    store,
    scheduler,
    readModels,
    file,
    auth(userId) {
      const user = DEMO_USERS.find((u) => u.id === userId);
      if (!user) throw new Error(`No demo user ${userId}`);
      return { Authorization: `Bearer ${tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name })}` };
    },
    settle,
    async advanceTo(instant) {
      await settle();
      await scheduler.advanceTo(instant);
      await settle();
    },
    async close() {
      await app.close();
      await store.close();
      readModels.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
