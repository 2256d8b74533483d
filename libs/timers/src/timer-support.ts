import { TimerSpec, assertTimerId } from './timer-scheduler.port';

/**
 * Exponential backoff for failed handlers: `baseMs * factor^(attempt-1)`, capped at `maxMs`.
 * Shared by the sqlite and manual adapters so a retry lands at the same (fake) time in tests
 * as in production; BullMQ applies its own exponential backoff with the same base.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly factor?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 15 * 60_000, factor: 2 };

/** Delay before the retry that follows failed delivery number `attempt` (1-based). */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number): number {
  const factor = policy.factor ?? 2;
  const raw = policy.baseMs * Math.pow(factor, Math.max(0, attempt - 1));
  return Math.min(policy.maxMs, Math.max(0, Math.round(raw)));
}

/** Checks id and dueAt and returns dueAt in epoch ms — every adapter rejects the same inputs. */
export function validateTimer(timer: TimerSpec): number {
  assertTimerId(timer.id);
  return parseDueAt(timer.dueAt);
}

export function parseDueAt(dueAt: string): number {
  const ms = Date.parse(dueAt);
  if (typeof dueAt !== 'string' || Number.isNaN(ms)) {
    throw new Error(`Invalid timer dueAt "${String(dueAt)}": expected an ISO-8601 instant`);
  }
  return ms;
}

/** Keeps the last entry per id, in the order of their last occurrence: `scheduleMany` = `schedule` for each in order. */
export function lastPerId(timers: readonly TimerSpec[]): TimerSpec[] {
  const byId = new Map<string, TimerSpec>();
  for (const timer of timers) {
    byId.delete(timer.id);
    byId.set(timer.id, timer);
  }
  return [...byId.values()];
}

/** Orders timers for `pending()`: by due instant, then id (stable across adapters). */
export function byDueAt(a: TimerSpec, b: TimerSpec): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
