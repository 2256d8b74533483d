import { ChannelKind, Delivery, DeliveryResult, retry } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { DeliverySettings } from '../notifications.policy';
import { backoffMs } from './backoff';
import { DeliveryOutbox } from './delivery-outbox';

export interface DispatcherLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface DeliveryDispatcherOptions {
  /** This worker's lease name (unique per process). */
  readonly owner: string;
  /** The policy's delivery settings in force (read per claim). */
  readonly settings: () => Promise<DeliverySettings>;
  /** Deliveries in flight at once (default 16): a slow receiver holds one slot, never the loop. */
  readonly concurrency?: number;
  /** How often the loop looks for due deliveries (default 1 s): a wake-up only, due times come from the clock. */
  readonly pollMs?: number;
  readonly log?: DispatcherLog;
}

/**
 * Sends what the outbox holds: claims due deliveries (a lease per row), hands each to its channel
 * without waiting for the others, and records the answer — sent; retrying after an exponential
 * backoff; or failed (dead letter) when the channel says the failure is permanent or the attempts
 * are spent. Several workers may run one each on the same database.
 */
export class DeliveryDispatcher {
  private readonly channels: ReadonlyMap<ChannelKind, NotificationChannel>;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private pumping: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly outbox: DeliveryOutbox,
    channels: readonly NotificationChannel[],
    private readonly options: DeliveryDispatcherOptions,
  ) {
    this.channels = new Map(channels.map((c) => [c.kind, c]));
  }

  /** Claims what is due now and waits until those deliveries are settled; how many were handled. */
  async tick(): Promise<number> {
    const started = await this.pump();
    await Promise.all(started);
    return started.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = (): void => {
      if (!this.running) return;
      this.pumping = this.pump()
        .catch((error: unknown) => this.options.log?.error(`Delivery dispatcher: claiming failed: ${String(error)}`))
        .finally(() => {
          if (this.running) this.timer = setTimeout(loop, this.options.pollMs ?? 1_000).unref();
        });
    };
    loop();
  }

  /** Stops claiming and waits for the deliveries in flight (each bounded by its channel's timeout). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pumping;
    await Promise.all([...this.inFlight]);
  }

  private async pump(): Promise<Promise<void>[]> {
    const free = (this.options.concurrency ?? 16) - this.inFlight.size;
    if (free <= 0) return [];
    const settings = await this.options.settings();
    const claimed = await this.outbox.claim(this.options.owner, [...this.channels.keys()], free, settings.leaseSeconds * 1000);
    return claimed.map((delivery) => {
      const done = this.deliver(delivery, settings).finally(() => this.inFlight.delete(done));
      this.inFlight.add(done);
      return done;
    });
  }

  private async deliver(delivery: Delivery, settings: DeliverySettings): Promise<void> {
    const result = await this.attempt(delivery);
    const { owner } = this.options;
    try {
      if (result.status === 'sent') {
        await this.outbox.markSent(delivery.id, owner);
      } else if (result.status === 'failed' || delivery.attempt >= settings.maxAttempts) {
        const reason = result.status === 'failed' ? result.reason : `${delivery.attempt} attempts: ${result.reason}`;
        await this.outbox.markFailed(delivery.id, owner, reason);
        this.options.log?.warn(`Delivery ${delivery.id} (${delivery.channel}) dead-lettered: ${reason}`);
      } else {
        await this.outbox.markRetrying(delivery.id, owner, backoffMs(settings, delivery.attempt), result.reason);
      }
    } catch (error) {
      // The lease runs out and another claim takes it again: nothing is lost, at worst sent twice.
      this.options.log?.error(`Delivery ${delivery.id}: recording the result failed: ${String(error)}`);
    }
  }

  private async attempt(delivery: Delivery): Promise<DeliveryResult> {
    const channel = this.channels.get(delivery.channel);
    if (!channel) return retry(`channel ${delivery.channel} is not configured in this worker`);
    try {
      return await channel.deliver(delivery);
    } catch (error) {
      return retry(`${delivery.channel} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
