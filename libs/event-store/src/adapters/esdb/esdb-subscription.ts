import { START } from '@eventstore/db-client';
import { EventHandler, SubscribeOptions, Subscription } from '../../event-store.port';
import { EsdbClient, EsdbLiveSubscription } from './esdb-client';
import { toEsdbFilter, matchesFilter } from './esdb-filter';
import { fromResolvedEvent, positionOf, toEsdbPosition } from './esdb-mapping';

/** Finds the position of the last matching event in (after, upTo], or null when there is none. */
export type MatchScanner = (after: number, upTo: number) => Promise<number | null>;

interface Waiter {
  readonly target: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A catch-up subscription to `$all` on ESDB: the server filters (categories or event types, never
 * system events), the adapter re-checks, and events are handed over one at a time, each handler
 * call awaited before the next event is pulled from the gRPC stream, so order and checkpoints hold.
 *
 * `caughtUpTo(p)` cannot rely on seeing position p itself (a filtered-out event never arrives, and
 * ESDB's filter checkpoints are sparse), so it asks `$all` for the last *matching* event up to p and
 * waits for that one: the events at or before p are already committed, so that target is final.
 */
export class EsdbSubscription implements Subscription {
  private handled: number;
  private stopped = false;
  private failure: unknown = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<Waiter>();
  private readonly live: EsdbLiveSubscription;

  constructor(
    client: EsdbClient,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
    private readonly scan: MatchScanner,
  ) {
    const from = options.fromPosition ?? null;
    this.handled = from ?? -1;
    this.live = client.subscribeToAll({
      fromPosition: from === null ? START : toEsdbPosition(from),
      filter: toEsdbFilter(options.filter),
    });
    void this.run();
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.live) {
        if (this.stopped) return;
        const position = positionOf(resolved);
        if (position === null || position <= this.handled) continue;
        const event = fromResolvedEvent(resolved);
        if (event && matchesFilter(event, this.options.filter)) {
          const call = Promise.resolve().then(() => this.handler(event));
          this.inFlight = call;
          await call;
          if (this.stopped) return;
        }
        this.handled = position;
        this.release();
      }
      // A catch-up subscription never ends by itself: the server dropped it (e.g. a leader change).
      if (!this.stopped) await this.fail(new Error('EventStoreDB ended the subscription'));
    } catch (error) {
      if (!this.stopped) await this.fail(error);
    }
  }

  private release(): void {
    for (const waiter of this.waiters) {
      if (this.handled >= waiter.target) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async fail(error: unknown): Promise<void> {
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
    await this.stop();
    this.options.onError?.(error);
  }

  private assertRunning(): void {
    if (this.failure !== null) throw this.failure;
    if (this.stopped) throw new Error('Subscription stopped');
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      await this.live.unsubscribe().catch(() => undefined);
      this.live.destroy?.();
      const stopped = new Error('Subscription stopped');
      for (const waiter of this.waiters) waiter.reject(stopped);
      this.waiters.clear();
    }
    await this.inFlight.catch(() => undefined);
  }

  /** The last position seen (handled, or skipped by the filter); null before the first. */
  scannedPosition(): number | null {
    return this.handled < 0 ? null : this.handled;
  }

  async caughtUpTo(position: number): Promise<void> {
    if (this.handled >= position) return;
    this.assertRunning();
    const target = await this.scan(this.handled, position);
    if (target === null || this.handled >= target) return;
    this.assertRunning(); // it may have failed or stopped during the scan
    await new Promise<void>((resolve, reject) => {
      this.waiters.add({ target, resolve, reject });
      this.release();
    });
  }
}
