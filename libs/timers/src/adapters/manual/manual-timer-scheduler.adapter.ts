import { FiredTimer, TimerHandler, TimerScheduler, TimerSpec } from '../../timer-scheduler.port';
import { BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs, byDueAt, lastPerId, parseDueAt, validateTimer } from '../../timer-support';

/** The part of a FakeClock the manual scheduler drives (structural, so tests need no import). */
export interface SettableClock {
  now(): Date;
  set(instant: Date | string): void;
}

export interface ManualTimerSchedulerOptions {
  /** Retry delay in fake time after a handler throws. */
  readonly backoff?: BackoffPolicy;
  /** Guard against a handler that keeps scheduling timers due immediately. */
  readonly maxFiringsPerAdvance?: number;
}

interface Entry {
  readonly spec: TimerSpec;
  readonly dueMs: number;
  /** When the next delivery may happen: dueAt first, later after a failure. */
  nextMs: number;
  /** Deliveries made so far. */
  deliveries: number;
}

/**
 * In-memory timers driven by a fake clock, for unit and e2e tests: `advanceTo(instant)` skips
 * time the way Temporal's test server does — weeks of deadlines run in milliseconds, in dueAt
 * order, including timers that handlers schedule during the advance. Nothing fires on its own.
 */
export class ManualTimerScheduler implements TimerScheduler {
  readonly kind = 'manual' as const;
  private readonly timers = new Map<string, Entry>();
  private readonly backoff: BackoffPolicy;
  private readonly maxFirings: number;
  private handler: TimerHandler | null = null;
  /** Serialises advances; also what `stop()` waits for. */
  private advancing: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: SettableClock,
    options: ManualTimerSchedulerOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxFirings = options.maxFiringsPerAdvance ?? 100_000;
  }

  async schedule(timer: TimerSpec): Promise<void> {
    const dueMs = validateTimer(timer);
    this.timers.set(timer.id, { spec: { ...timer }, dueMs, nextMs: dueMs, deliveries: 0 });
  }

  async scheduleMany(timers: readonly TimerSpec[]): Promise<void> {
    timers.forEach(validateTimer);
    for (const timer of lastPerId(timers)) await this.schedule(timer);
  }

  async reschedule(id: string, dueAt: string): Promise<void> {
    const current = this.timers.get(id);
    if (current) await this.schedule({ ...current.spec, dueAt });
    else parseDueAt(dueAt);
  }

  async cancel(id: string): Promise<void> {
    this.timers.delete(id);
  }

  async pending(): Promise<TimerSpec[]> {
    return [...this.timers.values()].map((e) => ({ ...e.spec })).sort(byDueAt);
  }

  async missing(ids: readonly string[]): Promise<string[]> {
    return ids.filter((id) => !this.timers.has(id));
  }

  async start(handler: TimerHandler): Promise<void> {
    this.handler = handler;
  }

  async stop(): Promise<void> {
    this.handler = null;
    await this.advancing;
  }

  async close(): Promise<void> {
    await this.stop();
    this.timers.clear();
  }

  /**
   * Moves the clock forward to `instant`, stopping at each due timer (earliest first) to deliver it
   * and await its handler. A failed handler is retried `backoff` later in fake time — within this
   * advance if that is still before `instant`. Never moves the clock backwards.
   */
  advanceTo(instant: Date | string): Promise<void> {
    const run = this.advancing.then(() => this.runUntil(new Date(instant).getTime()));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  /** Delivers what is due at the current fake time without moving the clock. */
  runDue(): Promise<void> {
    return this.advanceTo(this.clock.now());
  }

  private async runUntil(targetMs: number): Promise<void> {
    if (Number.isNaN(targetMs)) throw new Error('advanceTo: invalid instant');
    for (let firings = 0; this.handler; firings++) {
      if (firings >= this.maxFirings) throw new Error(`advanceTo: more than ${this.maxFirings} firings; a handler keeps re-arming`);
      const next = this.nextDue(targetMs);
      if (!next) break;
      if (next.nextMs > this.clock.now().getTime()) this.clock.set(new Date(next.nextMs));
      await this.deliver(next, this.handler);
    }
    if (targetMs > this.clock.now().getTime()) this.clock.set(new Date(targetMs));
  }

  private nextDue(targetMs: number): Entry | undefined {
    let best: Entry | undefined;
    for (const e of this.timers.values()) {
      if (e.nextMs > targetMs) continue;
      if (!best || e.nextMs < best.nextMs || (e.nextMs === best.nextMs && e.dueMs < best.dueMs)) best = e;
    }
    return best;
  }

  private async deliver(entry: Entry, handler: TimerHandler): Promise<void> {
    entry.deliveries += 1;
    const fired: FiredTimer = { ...entry.spec, attempt: entry.deliveries };
    try {
      await handler(fired);
      // Identity check: a timer replaced while its handler ran is a new timer and must survive.
      if (this.timers.get(entry.spec.id) === entry) this.timers.delete(entry.spec.id);
    } catch {
      if (this.timers.get(entry.spec.id) === entry) {
        entry.nextMs = this.clock.now().getTime() + Math.max(1, backoffDelayMs(this.backoff, entry.deliveries));
      }
    }
  }
}
