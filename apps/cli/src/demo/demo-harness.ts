import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '@bihuan/app';
import { SequentialIdGenerator } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { DEMO_USERS } from '@bihuan/demo';
import { SqliteEventStore } from '@bihuan/event-store';
import { READ_MODEL_SYNC, ReadModelSync, TimeSkipping } from '@bihuan/platform';
import { ManualTimerScheduler } from '@bihuan/timers';
import { DemoManualClock } from './demo-clock';
import { DemoHttp } from './demo-http';

/** The demo's start: Monday 3 March 2025, 09:00 in Shanghai. */
export const DEMO_START = '2025-03-03T01:00:00.000Z';

/**
 * The real application on a fresh temporary data directory: the embedded SQLite log in a file,
 * read models in a second file, subject keys in `keys.sqlite`, timers in the manual scheduler
 * driven by a clock that only moves when the story says so, the worker in-process (ROLE=all),
 * listening on an ephemeral port and driven through HTTP like any client.
 */
export interface DemoHarness {
  readonly dir: string;
  readonly storeFile: string;
  readonly clock: DemoManualClock;
  readonly http: DemoHttp;
  readonly baseUrl: string;
  /** Waits until projections and workflows have processed the whole log (head stops moving). */
  settle(): Promise<void>;
  /** Moves the clock to `instant`, firing due timers one at a time and settling after each. */
  advanceTo(instant: string): Promise<void>;
  /** Stops the app and closes the files (the directory stays; see removeDir). */
  close(): Promise<void>;
  /** Deletes the temporary data directory. */
  removeDir(): void;
}

export async function startDemoHarness(start: string = DEMO_START): Promise<DemoHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-demo-'));
  const storeFile = join(dir, 'bihuan.sqlite');
  const clock = new DemoManualClock(start);
  const store = SqliteEventStore.open({ file: storeFile, clock });
  const scheduler = new ManualTimerScheduler(clock);
  const readModels = new Database(join(dir, 'read-models.sqlite'));
  let app: NestExpressApplication | undefined;
  try {
    app = await createApp({
      platform: {
        store,
        scheduler,
        clock,
        ids: new SequentialIdGenerator('demo'),
        readModels,
        // dataDir: the complaints context keeps subject keys in ${dataDir}/keys.sqlite for a SQLite log.
        // directory: the stories act as the demo users, so the empty directory is seeded with them.
        config: { role: 'all', logLevel: 'silent', dataDir: dir, directory: { seed: 'demo', rootName: '示范省卫生健康委员会' } },
      },
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close();
    readModels.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const started = app;
  const sync = started.get<ReadModelSync>(READ_MODEL_SYNC);
  const tokens = started.get(TokenService);
  const { port } = started.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Minted per request on the demo's clock: a token kept across skipped weeks would have expired.
  const tokenFor = (userId: string): string => {
    const user = DEMO_USERS.find((u) => u.id === userId);
    if (!user) throw new Error(`No demo user ${userId}`);
    return tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name });
  };
  const skipping = new TimeSkipping(store, sync, scheduler);
  return {
    dir,
    storeFile,
    clock,
    baseUrl,
    http: new DemoHttp(baseUrl, tokenFor),
    settle: () => skipping.settle(),
    advanceTo: (instant) => skipping.advanceTo(instant),
    async close() {
      await started.close();
      await store.close();
      readModels.close();
    },
    removeDir() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
