/**
 * A durable wake-up. The timer is never the fact: what it carries is a command that is checked
 * against its stream when delivered, so a late, lost-and-rearmed or duplicated timer is harmless.
 */
export interface TimerSpec {
  /**
   * Deterministic id (e.g. `deadline.complaintTicket-42.answer.expire`). Scheduling the same id
   * again replaces the earlier timer. Only [A-Za-z0-9._-] — BullMQ forbids `:` and pure integers.
   */
  readonly id: string;
  /** ISO-8601 instant when it is due. */
  readonly dueAt: string;
  /** JSON-serialisable payload handed back on firing (usually `{ stream, command }`). */
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface FiredTimer extends TimerSpec {
  /** 1 on the first delivery, higher on retries after a failed handler or a lost lease. */
  readonly attempt: number;
}

/** Handler for due timers. Throwing makes the scheduler retry later with backoff. */
export type TimerHandler = (timer: FiredTimer) => Promise<void>;

/**
 * Schedules and fires timers. Adapters: sqlite (embedded default, polling with leases),
 * bullmq (Redis delayed jobs), manual (tests: `advanceTo`). All pass `timerSchedulerContract`.
 * Delivery is at-least-once: a handler may see a timer twice and must be idempotent.
 */
export interface TimerScheduler {
  readonly kind: 'sqlite' | 'bullmq' | 'manual';
  /** Creates or replaces the timer with this id. */
  schedule(timer: TimerSpec): Promise<void>;
  /**
   * Creates or replaces many timers at once (one transaction / one Redis pipeline), for re-arming
   * every pending deadline on start without one round trip per timer. Same semantics as calling
   * `schedule` for each in order (a later entry with the same id wins). Optional so that simple
   * fakes stay small; every adapter here implements it — use `scheduleAll` to call it either way.
   */
  scheduleMany?(timers: readonly TimerSpec[]): Promise<void>;
  /**
   * Calls `listener` each time the backend's connection comes back after being lost (BullMQ: Redis
   * reconnected). Timers held only by the backend may be gone then (a Redis restarted without
   * persistence), so the worker re-arms every pending deadline. Returns an unsubscribe function.
   * Optional: sqlite keeps timers in the store's own file and manual cannot lose them.
   */
  onReconnect?(listener: () => void): () => void;
  /** Moves a pending timer; no-op when there is none with this id. */
  reschedule(id: string, dueAt: string): Promise<void>;
  /** Removes a pending timer; no-op when there is none. */
  cancel(id: string): Promise<void>;
  /** Pending (not yet successfully handled) timers, ordered by dueAt — for admins and tests. */
  pending(): Promise<TimerSpec[]>;
  /**
   * Those of `ids` that have no pending timer (neither a job nor a parked replacement), in the order
   * given: what the timer reconciler re-arms. One query (sqlite) or one Lua script per chunk (BullMQ),
   * so checking every pending deadline's timers every few seconds stays cheap. A timer that is being
   * delivered right now counts as pending.
   */
  missing(ids: readonly string[]): Promise<string[]>;
  /** Starts delivering due timers to the handler (one consumer per process). */
  start(handler: TimerHandler): Promise<void>;
  /** Stops delivering; resolves when no handler call is running. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export const TIMER_SCHEDULER = Symbol('TIMER_SCHEDULER');

const TIMER_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** Throws when an id would be unsafe on any adapter. */
export function assertTimerId(id: string): void {
  if (!TIMER_ID.test(id) || /^\d+$/.test(id)) {
    throw new Error(`Invalid timer id "${id}": use 1-200 of [A-Za-z0-9._-], not only digits`);
  }
}

/** Schedules many timers through `scheduleMany` when the adapter has it, one by one otherwise. */
export async function scheduleAll(scheduler: TimerScheduler, timers: readonly TimerSpec[]): Promise<void> {
  if (scheduler.scheduleMany) return scheduler.scheduleMany(timers);
  for (const timer of timers) await scheduler.schedule(timer);
}
