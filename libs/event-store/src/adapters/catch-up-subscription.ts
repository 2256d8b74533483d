import {
  asBatchDelivery,
  BatchDelivery,
  EventHandler,
  EventStore,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';

/** What a catch-up subscription needs from a store: a filtered, paged readAll and the head. */
export type CatchUpSource = Pick<EventStore, 'readAll' | 'headPosition'>;

export interface CatchUpOptions extends SubscribeOptions {
  /** How often to look for events written by other processes; local appends nudge at once. */
  readonly pollIntervalMs?: number;
  readonly pageSize?: number;
}

interface Waiter {
  readonly position: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** How long the loop may run before it lets I/O (HTTP requests, timers) have a turn. */
const YIELD_AFTER_MS = 10;

/**
 * A catch-up subscription that pulls pages with `readAll` from its checkpoint and hands them to
 * the handler in batches (one event per call for a plain EventHandler), awaiting each call.
 * A store that reads synchronously (better-sqlite3) resolves every await at once, so a long
 * catch-up would otherwise run as one unbroken chain of microtasks and starve the event loop (no
 * HTTP answer until it ends): the loop yields with setImmediate after every page and, within a
 * page, every ~10 ms; a batch that took longer than `maxBatchMs` makes the next ones smaller.
 * It never skips an event as long as the source only ever makes a *prefix* of the global order
 * visible (positions commit in order) — which both the sqlite and the memory adapter guarantee
 * (see their comments). Pulling instead of pushing means a slow handler simply lags behind;
 * nothing is buffered without bound and nothing is lost.
 *
 * `scanned` is the position up to which the log has been looked at (including events the filter
 * dropped), so `caughtUpTo` also works for filtered subscriptions.
 * A handler must not *await* `stop()` of its own subscription: stop waits for the handler.
 */
export class CatchUpSubscription implements Subscription {
  private running = true;
  private nudged = false;
  private wake: (() => void) | null = null;
  private scanned: number;
  private checkpoint: number | null;
  private waiters: Waiter[] = [];
  private readonly done: Promise<void>;
  private failure: unknown = undefined;
  private readonly delivery: Required<BatchDelivery>;
  private batchSize: number;
  private lastYield = performance.now();

  constructor(
    private readonly source: CatchUpSource,
    handler: EventHandler | BatchDelivery,
    private readonly options: CatchUpOptions = {},
  ) {
    this.delivery = asBatchDelivery(handler);
    this.batchSize = this.delivery.maxEvents;
    this.checkpoint = options.fromPosition ?? null;
    this.scanned = this.checkpoint ?? 0;
    this.done = this.loop();
  }

  /** Called by the store after a local commit, so delivery does not wait for the next poll. */
  nudge(): void {
    this.nudged = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.done;
    this.settleWaiters(new Error('Subscription stopped before catching up'));
  }

  scannedPosition(): number | null {
    return this.checkpoint === null && this.scanned === 0 ? null : this.scanned;
  }

  caughtUpTo(position: number): Promise<void> {
    if (this.scanned >= position) return Promise.resolve();
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (!this.running) return Promise.reject(new Error('Subscription is stopped'));
    return new Promise((resolve, reject) => {
      this.waiters.push({ position, resolve, reject });
      this.nudge();
    });
  }

  private async loop(): Promise<void> {
    const pageSize = this.options.pageSize ?? 500;
    try {
      while (this.running) {
        this.nudged = false;
        const head = await this.source.headPosition();
        const page = await this.source.readAll({ fromPosition: this.readFrom(), maxCount: pageSize, filter: this.options.filter });
        for (let at = 0; at < page.length;) {
          if (!this.running) return;
          const batch = page.slice(at, at + this.batchSize);
          await this.deliver(batch);
          at += batch.length;
          await this.yieldIfDue();
        }
        // A short page means everything committed before `head` was read has been seen.
        if (page.length < pageSize && head !== null) this.advanceScanned(head);
        if (page.length === pageSize || this.nudged) {
          await this.yieldNow(); // every page, so a long catch-up always interleaves with I/O
          continue;
        }
        await this.idle();
      }
    } catch (error) {
      this.running = false;
      this.failure = error;
      this.settleWaiters(error);
      this.options.onError?.(error);
    }
  }

  /**
   * Where the next page starts: after the checkpoint, or after `scanned` once that is further on.
   * Every event up to `scanned` that passes the filter has been delivered, so nothing is skipped;
   * and a filtered subscription whose last match lies far back then reads from near the head,
   * where the store can answer from what it shares between readers (SharedTail on sqlite).
   */
  private readFrom(): number | null {
    if (this.checkpoint === null) return this.scanned > 0 ? this.scanned : null;
    return Math.max(this.checkpoint, this.scanned);
  }

  private async deliver(batch: readonly RecordedEvent[]): Promise<void> {
    const started = performance.now();
    await this.delivery.batch(batch);
    const last = batch[batch.length - 1]!.position;
    this.checkpoint = last;
    this.advanceScanned(last);
    this.resize(performance.now() - started);
  }

  /** Halves the batch after a slow call, grows it back after fast ones (within 1..maxEvents). */
  private resize(tookMs: number): void {
    const { maxEvents, maxBatchMs } = this.delivery;
    if (tookMs > maxBatchMs) this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
    else if (tookMs < maxBatchMs / 4) this.batchSize = Math.min(maxEvents, this.batchSize * 2);
  }

  /** Within a page: yields once the loop has held the event loop for YIELD_AFTER_MS. */
  private async yieldIfDue(): Promise<void> {
    if (performance.now() - this.lastYield >= YIELD_AFTER_MS) await this.yieldNow();
  }

  private async yieldNow(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }

  private advanceScanned(position: number): void {
    if (position <= this.scanned) return;
    this.scanned = position;
    const ready = this.waiters.filter((w) => w.position <= position);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const w of ready) w.resolve();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, this.options.pollIntervalMs ?? 250);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private settleWaiters(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(error);
  }
}

/** Starts tracking a subscription in its store's registry; `stop` also forgets it. */
export function trackSubscription(registry: Set<CatchUpSubscription>, sub: CatchUpSubscription): Subscription {
  registry.add(sub);
  return {
    stop: async () => {
      registry.delete(sub);
      await sub.stop();
    },
    caughtUpTo: (position) => sub.caughtUpTo(position),
    scannedPosition: () => sub.scannedPosition(),
  };
}
