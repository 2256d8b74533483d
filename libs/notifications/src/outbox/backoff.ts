import { DeliverySettings } from '../notifications.policy';

/**
 * Milliseconds before attempt `attempts + 1`, after `attempts` have failed: base · 2^(attempts−1),
 * at most the cap. Deterministic (no jitter): deliveries are claimed per row, so retries of many
 * rows spread by when each first failed, and tests can say exactly when the next try is due.
 */
export function backoffMs(settings: Pick<DeliverySettings, 'baseDelaySeconds' | 'maxDelaySeconds'>, attempts: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(settings.baseDelaySeconds * 2 ** exponent, settings.maxDelaySeconds) * 1000;
}
