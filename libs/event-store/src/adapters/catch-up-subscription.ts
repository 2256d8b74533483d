import { EventHandler, EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

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

/**
 * A catch-up subscription that pulls pages with `readAll` from its checkpoint and hands them to
 * the handler one at a time, awaiting each call. It never skips an event as long as the source
 * only ever makes a *prefix* of the global order visible (positions commit in order) — which both
 * the sqlite and the memory adapter guarantee (see their comments). Pulling instead of pushing
 * means a slow handler simply lags behind; nothing is buffered without bound and nothing is lost.
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

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: EventHandler,
    private readonly options: CatchUpOptions = {},
  ) {
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
        const page = await this.source.readAll({ fromPosition: this.checkpoint, maxCount: pageSize, filter: this.options.filter });
        for (const event of page) {
          if (!this.running) return;
          await this.deliver(event);
        }
        // A short page means everything committed before `head` was read has been seen.
        if (page.length < pageSize && head !== null) this.advanceScanned(head);
        if (page.length === pageSize || this.nudged) continue;
        await this.idle();
      }
    } catch (error) {
      this.running = false;
      this.failure = error;
      this.settleWaiters(error);
      this.options.onError?.(error);
    }
  }

  private async deliver(event: RecordedEvent): Promise<void> {
    await this.handler(event);
    this.checkpoint = event.position;
    this.advanceScanned(event.position);
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
  };
}
