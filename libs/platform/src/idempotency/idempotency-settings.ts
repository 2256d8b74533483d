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

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function idempotencySettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): IdempotencySettings {
  return {
    ttlMs: positive(env['IDEMPOTENCY_TTL_HOURS'], 24) * 3_600_000,
    foldWindowMs: positive(env['IDEMPOTENCY_FOLD_WINDOW_MINUTES'], 10) * 60_000,
    waitMs: positive(env['IDEMPOTENCY_WAIT_SECONDS'], 10) * 1000,
    pollMs: 20,
    leaseMs: 5 * 60_000,
  };
}
