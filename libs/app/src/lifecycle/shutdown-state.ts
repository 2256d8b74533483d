import { Injectable } from '@nestjs/common';

/** What a request looks like to the drain: it ends (`close`), and its connection can be cut. */
export interface TrackedResponse {
  once(event: 'close', listener: () => void): unknown;
  readonly socket: { destroy(): void } | null;
}

/**
 * Whether this process is stopping, and which requests it is still answering. One per process:
 * readiness reads `stopping` (unready first), the request gate refuses new work once it is set,
 * and the drain waits for `inFlight` to reach zero before the worker and the store go away.
 */
@Injectable()
export class ShutdownState {
  private stoppingSince = false;
  private readonly open = new Set<TrackedResponse>();
  private readonly idle = new Set<() => void>();

  get stopping(): boolean {
    return this.stoppingSince;
  }

  get inFlight(): number {
    return this.open.size;
  }

  /** From now on readiness answers 503 and new requests are refused. Idempotent. */
  begin(): void {
    this.stoppingSince = true;
  }

  /** Counts a request in until its response closes (answered or abandoned by the client). */
  track(response: TrackedResponse): void {
    this.open.add(response);
    response.once('close', () => {
      this.open.delete(response);
      if (this.open.size === 0) for (const wake of this.idle) wake();
    });
  }

  /**
   * Resolves true once no request is in flight, or false when `graceMs` ran out first — then the
   * connections still open are cut (their clients see a reset, not an answer that could lie).
   */
  async drained(graceMs: number): Promise<boolean> {
    if (this.open.size === 0) return true;
    let wake: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<true>((resolve) => {
      wake = () => resolve(true);
      this.idle.add(wake);
    });
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    try {
      const done = await Promise.race([idle, late]);
      if (!done) for (const response of this.open) response.socket?.destroy();
      return done;
    } finally {
      clearTimeout(timer);
      if (wake) this.idle.delete(wake);
    }
  }
}
