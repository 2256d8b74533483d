import type Database from 'better-sqlite3';
import { Gauge, Registry } from 'prom-client';
import { EventStore } from '@bihuan/event-store';
import { SqliteDeadLetterStore } from '@bihuan/processing';
import { WorkerService } from '../worker/worker.service';

export interface WorkerGaugeSources {
  readonly store: EventStore;
  readonly readModels: Database.Database;
  /** The worker running in this process, if any (ROLE=api has none: its worker process reports lag). */
  readonly worker: () => WorkerService | null;
}

/**
 * What the worker is behind on, read at scrape time: each projection's lag (log head − its
 * checkpoint) and the parked dead letters. Dead letters live in the shared read-model database, so
 * every process can count them.
 */
export function registerWorkerGauges(registry: Registry, sources: WorkerGaugeSources): void {
  new Gauge({
    name: 'bihuan_projection_lag_events',
    help: 'Log positions between the head and the projection’s checkpoint (filtered projections checkpoint only on events they handle, so this is an upper bound for them)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      this.reset();
      const worker = sources.worker();
      if (!worker) return;
      const [head, projections] = await Promise.all([sources.store.headPosition(), worker.projections()]);
      for (const p of projections) this.set({ projection: p.name }, Math.max(0, (head ?? 0) - (p.checkpoint ?? 0)));
    },
  });
  new Gauge({
    name: 'bihuan_projection_running',
    help: '1 while the projection’s subscription runs, 0 while it is stopped or restarting after a failure',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const p of (await sources.worker()?.projections()) ?? [])
        this.set({ projection: p.name }, p.running && p.lastError === null ? 1 : 0);
    },
  });
  new Gauge({
    name: 'bihuan_dead_letters',
    help: 'Workflow inputs parked after their retries failed, waiting for an admin (GET /admin/dead-letters)',
    registers: [registry],
    async collect() {
      this.set(await new SqliteDeadLetterStore(sources.readModels).count());
    },
  });
  // Timers (issue 14, item 1): `WorkerRuntime.timerStatus()` gives pending vs armed timers and the
  // reconciler's repairs. Register `bihuan_timers_pending`, `bihuan_timers_armed` and
  // `bihuan_timer_repairs_total` here, read at scrape time from `sources.worker()?.runtime.timerStatus()`.
}
