import { Clock } from '@bihuan/core';
import { scheduleAll, TimerScheduler, TimerSpec } from '@bihuan/timers';
import { PendingDeadlineSource, timerSpecsOf } from './rearm-pending-deadlines';

/** What the last reconciliation found (figures as of `lastReconciledAt`; null before the first). */
export interface TimerStatus {
  readonly backend: TimerScheduler['kind'];
  readonly pendingDeadlines: number | null;
  /** Timers the pending deadlines need (expiry plus reminders not yet given). */
  readonly expectedTimers: number | null;
  readonly armedTimers: number | null;
  /** Expected timers found without a timer (and re-armed) by the last reconciliation. */
  readonly missing: number | null;
  /** Timers re-armed by the reconciler since this worker started. */
  readonly repairsTotal: number;
  readonly lastReconciledAt: string | null;
}

export interface TimerReconcilerOptions {
  readonly source: PendingDeadlineSource;
  readonly scheduler: TimerScheduler;
  readonly clock: Clock;
  /** Seconds between passes (TIMER_RECONCILE_SECONDS); each wait is jittered by ±20 %. */
  readonly intervalMs: number;
  /**
   * Waits until the pending-deadlines projection and the deadline workflow have handled the log as
   * it stands now (bounded by the reconciler). A timer found missing is confirmed only after it.
   */
  readonly settle: () => Promise<void>;
  readonly warn: (message: string) => void;
  /** Jitter source, [0, 1). Default Math.random. */
  readonly random?: () => number;
}

/** Ids named in a repair log line; the count is always given. */
const LOGGED_IDS = 20;

/**
 * Keeps the armed timers in step with the pending deadlines while the worker runs — not only at
 * start — so a timer lost by the backend (a crash between two Redis calls, a flushed Redis) fires
 * within about two intervals. Each pass lists the read model's rows (what the projection has seen
 * up to its checkpoint), asks the scheduler which of their timers are `missing`, and only if some
 * are: lets the projection and the deadline workflow catch up with the log, reads both again and
 * re-arms what is still missing, with the ids the deadline workflow uses. The second look keeps a
 * timer that just fired (its expiry not yet projected) or was just set (not yet scheduled by the
 * workflow) from being "repaired"; one that slips through is harmless (commands are idempotent).
 */
export class TimerReconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private repairs = 0;
  private last: Omit<TimerStatus, 'backend' | 'repairsTotal'> = {
    pendingDeadlines: null,
    expectedTimers: null,
    armedTimers: null,
    missing: null,
    lastReconciledAt: null,
  };

  constructor(private readonly options: TimerReconcilerOptions) {}

  /** Starts the passes; the first comes after a random part of one interval, so workers started together spread out. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.plan(this.options.intervalMs * this.random());
  }

  /** Ends the passes; resolves once a running one has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  status(): TimerStatus {
    return { backend: this.options.scheduler.kind, repairsTotal: this.repairs, ...this.last };
  }

  /** One pass; returns how many timers it re-armed. */
  async reconcile(): Promise<number> {
    const { source, scheduler } = this.options;
    let rows = await source.pending();
    const first = timerSpecsOf(rows);
    const suspects = new Set(await scheduler.missing(first.map((t) => t.id)));
    let expected = first.length;
    let repair: TimerSpec[] = [];
    if (suspects.size > 0) {
      await this.options.settle();
      rows = await source.pending();
      const now = timerSpecsOf(rows);
      expected = now.length;
      const again = now.filter((t) => suspects.has(t.id));
      const still = new Set(await scheduler.missing(again.map((t) => t.id)));
      repair = again.filter((t) => still.has(t.id));
    }
    if (repair.length > 0) {
      await scheduleAll(scheduler, repair);
      this.repairs += repair.length;
      const ids = repair.slice(0, LOGGED_IDS).map((t) => t.id);
      const more = repair.length > LOGGED_IDS ? ` and ${repair.length - LOGGED_IDS} more` : '';
      this.options.warn(`Timer reconciler re-armed ${repair.length} missing timer(s) on ${scheduler.kind}: ${ids.join(', ')}${more}`);
    }
    this.last = {
      pendingDeadlines: rows.length,
      expectedTimers: expected,
      armedTimers: expected - repair.length,
      missing: repair.length,
      lastReconciledAt: this.options.clock.now().toISOString(),
    };
    return repair.length;
  }

  private plan(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.pass().finally(() => {
        this.running = null;
        this.plan(this.options.intervalMs * (0.8 + 0.4 * this.random()));
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async pass(): Promise<void> {
    try {
      await this.reconcile();
    } catch (error) {
      this.options.warn(`Timer reconciler pass failed (next one as planned): ${String(error)}`);
    }
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }
}
