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
   * retaken (8 s): a request on a killed host blocks its key's retries for seconds, not minutes.
   */
  readonly leaseMs: number;
  /** How often a running request renews its reservations (the heartbeat; a quarter of the lease). */
  readonly renewMs: number;
}

export const IDEMPOTENCY_SETTINGS = Symbol('IDEMPOTENCY_SETTINGS');

/** The reservation lease: four missed heartbeats (a stalled event loop, a slow database) before takeover. */
export const LEASE_MS = 8_000;

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
