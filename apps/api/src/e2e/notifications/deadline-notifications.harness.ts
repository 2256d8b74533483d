import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import request from 'supertest';
import { SequentialIdGenerator, SYSTEM_ACTOR } from '@bihuan/core';
import { TokenService } from '@bihuan/auth';
import { DEMO_USERS } from '@bihuan/demo';
import { SqliteEventStore } from '@bihuan/event-store';
import { READ_MODEL_SYNC, ReadModelSync, TimeSkipping } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { ManualTimerScheduler } from '@bihuan/timers';
import { createApp } from '@bihuan/app';

/**
 * One run of the whole app (ROLE=all) on files of `dir` — the log and the read models — so that a
 * second run on the same directory is a restart: its worker resumes from the checkpoints there.
 * Each run has its own id prefix (ids of a run never collide with the previous run's).
 */
export interface Run {
  readonly app: NestExpressApplication;
  readonly http: ReturnType<typeof request>;
  readonly store: SqliteEventStore;
  readonly readModels: Database.Database;
  auth(userId: string): { Authorization: string };
  advanceTo(instant: string): Promise<void>;
  close(): Promise<void>;
}

export async function startRun(dir: string, clock: FakeClock, runId: string, smtpUrl: string): Promise<Run> {
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock });
  const readModels = new Database(join(dir, 'read-models.sqlite'));
  const scheduler = new ManualTimerScheduler(clock);
  const base = { role: 'all' as const, logLevel: 'silent' as const, dataDir: dir };
  const app = await createApp({
    platform: {
      store,
      scheduler,
      clock,
      ids: new SequentialIdGenerator(runId),
      readModels,
      config: {
        ...base,
        notifications: { smtp: { url: smtpUrl, from: '"闭环督办" <noreply@wjw.example.cn>' }, sms: null, webhookSecrets: {} },
      },
    },
  });
  await app.init();
  const skipping = new TimeSkipping(store, app.get<ReadModelSync>(READ_MODEL_SYNC), scheduler);
  const tokens = app.get(TokenService);
  return {
    app,
    http: request(app.getHttpServer()),
    store,
    readModels,
    auth: (userId) => {
      const user = DEMO_USERS.find((u) => u.id === userId)!;
      return { Authorization: `Bearer ${tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name })}` };
    },
    advanceTo: (instant) => skipping.advanceTo(instant),
    async close() {
      await app.close();
      await store.close();
      readModels.close();
    },
  };
}

/** A hospital user of `unit` with a work e-mail, written to the directory's stream as the directory records a new user. */
export async function addHospitalUser(run: Run, id: string, unitId: string, email: string, at: string): Promise<void> {
  const user = {
    id,
    username: id,
    name: `${id}（质控办）`,
    phone: '',
    email,
    role: 'hospital',
    unitId,
    departmentId: null,
    status: 'active',
  };
  await run.store.append(
    'directory-main',
    [
      {
        type: 'UserCreated',
        data: { user },
        metadata: {
          eventId: `${id}-created`,
          correlationId: `${id}-created`,
          causationId: null,
          actor: SYSTEM_ACTOR,
          occurredAt: at,
          schemaVersion: 1,
        },
      },
    ],
    'any',
  );
}
