import { ChannelKind, Delivery, DeliveryResult } from './notification';

/**
 * One way of reaching people (inbox, e-mail, webhook, SMS). The outbox calls `deliver` for a
 * claimed delivery and records the answer; a channel never retries by itself and never throws for
 * a failure it can classify (an unexpected throw is treated as `retry`). Delivery may happen twice
 * after a worker dies mid-send (at-least-once): a receiver dedupes on the notification id, which
 * every channel passes along (webhook `id`, e-mail `Message-ID`, inbox row key).
 */
export interface NotificationChannel {
  readonly kind: ChannelKind;
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}

/** Nest token: the channels this process delivers with (`NotificationChannel[]`). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
