import { Clock, DomainError } from '@bihuan/core';
import { fingerprintHashOf, keyHashOf, KeyMaterial, openResponse, sealResponse } from './idempotency-seal';
import { IdempotencySettings } from './idempotency-settings';
import { IdempotencyStore } from './idempotency-store.port';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** One key a request must hold before it runs: a client's header key, or the key of a fold. */
export interface IdempotencyClaim extends KeyMaterial {
  readonly ttlMs: number;
  /** The header the key came from, named in errors; null for a fold the server made up. */
  readonly header: string | null;
}

export type Begun = { readonly kind: 'proceed' } | { readonly kind: 'replay'; readonly status: number; readonly body: unknown };

const PRINTABLE = /^[\x20-\x7e]+$/;

/** 400 unless the header is 1–255 printable ASCII characters and not only spaces. */
export function validateIdempotencyKey(value: string): string {
  if (value.trim() === '' || value.length > 255 || !PRINTABLE.test(value)) {
    throw DomainError.invalid(
      'IDEMPOTENCY.INVALID_KEY',
      IDEMPOTENCY_HEADER,
      `${IDEMPOTENCY_HEADER} must be 1 to 255 printable ASCII characters`,
    );
  }
  return value;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hashing, sealing and waiting around the IdempotencyStore, free of HTTP: the interceptor (and a
 * later non-HTTP host) asks `begin` before running a request and `complete` / `release` after.
 * Expiry uses the injected clock (FakeClock in tests); the wait for a running duplicate is real time.
 */
export class IdempotencyGate {
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    private readonly settings: IdempotencySettings,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  async begin(claim: IdempotencyClaim): Promise<Begun> {
    const keyHash = keyHashOf(claim);
    const fingerprintHash = fingerprintHashOf(claim);
    await this.purgeNowAndThen();
    for (let waited = 0; ; waited += this.settings.pollMs) {
      const now = this.clock.now().getTime();
      const found = await this.store.reserve({
        keyHash,
        fingerprintHash,
        now,
        expiresAt: now + claim.ttlMs,
        staleBefore: now - this.settings.leaseMs,
      });
      if (found.kind === 'new') return { kind: 'proceed' };
      if (found.kind === 'replay') return { kind: 'replay', status: found.response.status, body: openResponse(claim, found.response) };
      if (found.kind === 'mismatch') {
        throw new DomainError(
          'IDEMPOTENCY.KEY_REUSED',
          `${IDEMPOTENCY_HEADER} was already used for a different request (method, path or body); use a new key`,
          'rule',
          {
            field: claim.header ?? IDEMPOTENCY_HEADER,
          },
        );
      }
      if (waited >= this.settings.waitMs) {
        throw new DomainError(
          'IDEMPOTENCY.IN_PROGRESS',
          'The same request is still being processed; retry shortly',
          'conflict',
          claim.header ? { field: claim.header } : {},
        );
      }
      await this.sleep(this.settings.pollMs);
    }
  }

  async complete(claim: IdempotencyClaim, status: number, body: unknown): Promise<void> {
    const expiresAt = this.clock.now().getTime() + claim.ttlMs;
    await this.store.complete(keyHashOf(claim), fingerprintHashOf(claim), sealResponse(claim, status, body), expiresAt);
  }

  /**
   * One heartbeat: renews each held claim's reservation at the clock's now, so a duplicate does
   * not take it for abandoned while the request runs. False for a claim no longer held (finished,
   * released, or retaken after this process stalled past the lease).
   */
  async renew(claims: readonly IdempotencyClaim[]): Promise<boolean[]> {
    const now = this.clock.now().getTime();
    return Promise.all(claims.map((c) => this.store.renew(keyHashOf(c), fingerprintHashOf(c), now)));
  }

  /**
   * Renews `held` (read at each beat, so claims taken later are covered) every `renewMs` until
   * the returned stop is called. The lease is short (8 s) so that a request on a killed host holds
   * its key for seconds; the heartbeat is what lets a live request run longer than that.
   */
  keepAlive(held: readonly IdempotencyClaim[], onError: (error: unknown) => void): () => void {
    const timer = setInterval(() => {
      if (held.length > 0) this.renew(held).catch(onError);
    }, this.settings.renewMs);
    timer.unref(); // never what keeps a stopping process alive
    return () => clearInterval(timer);
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    await this.store.release(keyHashOf(claim), fingerprintHashOf(claim));
  }

  /** Expired keys go at most once an hour, on the way of a request (no timer to keep alive). */
  private async purgeNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    await this.store.purgeExpired(now);
  }
}
