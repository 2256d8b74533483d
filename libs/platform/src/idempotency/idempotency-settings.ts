import { AppConfig } from '../config/app-config';

/** How long keys live and how long a duplicate waits for the first request (docs/api/idempotency.md). */
export interface IdempotencySettings {
  /** How long a client's `Idempotency-Key` is remembered (IDEMPOTENCY_TTL_HOURS, default 24). */
  readonly ttlMs: number;
  /** Window in which an identical public submission from the same client is folded (IDEMPOTENCY_FOLD_WINDOW_MINUTES, default 10). */
  readonly foldWindowMs: number;
  /** How long a duplicate waits for the first request before 409 IDEMPOTENCY.IN_PROGRESS (IDEMPOTENCY_WAIT_SECONDS, default 10). */
  readonly waitMs: number;
  /** How often a waiting duplicate looks again. */
  readonly pollMs: number;
  /**
   * An unfinished reservation not renewed for this long belongs to a dead process and may be
   * retaken (5 min). Not shorter: a process killed after its append but before storing the answer
   * leaves a written command under an unfinished key, and a takeover would run it a second time
   * (a second visit, a 409 for a notice already issued). Until the key travels with the events
   * (so a takeover can find the earlier write), a dead host's key answers 409 IN_PROGRESS instead.
   */
  readonly leaseMs: number;
  /** How often a running request renews its reservations (the heartbeat; a quarter of the lease). */
  readonly renewMs: number;
}

export const IDEMPOTENCY_SETTINGS = Symbol('IDEMPOTENCY_SETTINGS');

/** The reservation lease; a running request renews it every quarter (the heartbeat keeps long requests' keys). */
export const LEASE_MS = 5 * 60_000;

/** The validated configuration (AppConfig.idempotency) in the milliseconds the gate counts in. */
export function idempotencySettingsOf(config: Pick<AppConfig, 'idempotency'>): IdempotencySettings {
  return {
    ttlMs: config.idempotency.ttlHours * 3_600_000,
    foldWindowMs: config.idempotency.foldWindowMinutes * 60_000,
    waitMs: config.idempotency.waitSeconds * 1000,
    pollMs: 20,
    leaseMs: LEASE_MS,
    renewMs: LEASE_MS / 4,
  };
}
