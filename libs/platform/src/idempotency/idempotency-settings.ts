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
  /** An unfinished reservation older than this belongs to a dead process and may be retaken (5 min). */
  readonly leaseMs: number;
}

export const IDEMPOTENCY_SETTINGS = Symbol('IDEMPOTENCY_SETTINGS');

/** The validated configuration (AppConfig.idempotency) in the milliseconds the gate counts in. */
export function idempotencySettingsOf(config: Pick<AppConfig, 'idempotency'>): IdempotencySettings {
  return {
    ttlMs: config.idempotency.ttlHours * 3_600_000,
    foldWindowMs: config.idempotency.foldWindowMinutes * 60_000,
    waitMs: config.idempotency.waitSeconds * 1000,
    pollMs: 20,
    leaseMs: 5 * 60_000,
  };
}
