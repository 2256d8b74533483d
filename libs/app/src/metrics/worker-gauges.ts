import { Gauge, Registry } from 'prom-client';
import { EventStore } from '@bihuan/event-store';
import { SqlDatabase } from '@bihuan/database';
import { TableDeadLetterStore } from '@bihuan/processing';
import type { TimerStatus } from '@bihuan/processing';
import { WorkerService } from '../worker/worker.service';

export interface WorkerGaugeSources {
  readonly store: EventStore;
  /** The read-model database (READ_MODELS), where dead letters are parked. */
  readonly database: SqlDatabase;
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
    help: 'Log positions between the head and what the runner has looked at (filtered-out events count as looked at), per projection and workflow',
    labelNames: ['kind', 'runner'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await sources.worker()?.runtime.lag()) ?? []) this.set({ kind: r.kind, runner: r.name }, r.behind ?? 0);
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
      this.set(await new TableDeadLetterStore(sources.database).count());
    },
  });
  registerTimerGauges(registry, sources);
}

/**
 * Pending vs armed timers and the reconciler's repairs, as of its last pass (issue 14, item 1):
 * alert on `bihuan_timers_missing > 0` for longer than two reconcile intervals, or on repairs rising.
 */
function registerTimerGauges(registry: Registry, sources: WorkerGaugeSources): void {
  const figure = (name: string, help: string, read: (s: TimerStatus) => number | null): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        const status = sources.worker()?.runtime.timerStatus();
        const value = status ? read(status) : null;
        if (value !== null) this.set(value);
      },
    });
  };
  figure('bihuan_timers_expected', 'Timers the pending deadlines need (last reconciler pass)', (s) => s.expectedTimers);
  figure('bihuan_timers_armed', 'Of those, timers the backend held (last reconciler pass)', (s) => s.armedTimers);
  figure('bihuan_timers_missing', 'Timers found missing and re-armed at the last reconciler pass', (s) => s.missing);
  figure('bihuan_deadlines_pending', 'Pending or paused deadlines (last reconciler pass)', (s) => s.pendingDeadlines);
  figure('bihuan_timer_repairs_total', 'Timers the reconciler re-armed since this worker started', (s) => s.repairsTotal);
}
