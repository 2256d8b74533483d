/** The delivery channels a notification can go out on. The inbox is always on; the others when configured. */
export const CHANNEL_KINDS = ['inbox', 'email', 'webhook', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Catalogue `deliveryChannels`. */
export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  inbox: '站内消息',
  email: '电子邮件',
  webhook: '接口推送',
  sms: '短信',
};

/**
 * Who a notification is for: a user (the inbox is theirs) of a unit. Addresses are per channel and
 * already resolved by the caller (the directory knows e-mail and phone; webhook endpoints are ids
 * of the `notifications` policy's endpoints), so a channel never looks people up.
 */
export interface NotificationRecipient {
  readonly userId: string;
  readonly unitId: string;
  readonly email?: string;
  readonly phone?: string;
  /** Ids of webhook endpoints (policy `notifications.webhooks[].id`) this recipient's unit is reached through. */
  readonly webhookEndpoints?: readonly string[];
}

/**
 * One thing a person should be told. The id is deterministic (derived by the caller from the event
 * that caused it), so producing it twice enqueues it once. Title and body are for people (Chinese);
 * they must not carry personal data beyond what the recipient may see (no complainant identity).
 */
export interface Notification {
  readonly id: string;
  /** What happened, e.g. `deadlineWarning`, `reminder`, `escalation`, `assignment` (free text here). */
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  /** Path in the console, e.g. `/findings/f-1`; channels that leave the system prefix the public base URL. */
  readonly link: string;
  /** The case stream the notification is about, e.g. `finding-f-1` (null: about no case). */
  readonly stream: string | null;
  readonly recipient: NotificationRecipient;
  /** ISO-8601 instant of the event that caused it. */
  readonly occurredAt: string;
}

/** One attempt to hand a notification to one channel at one address (a row of the outbox). */
export interface Delivery {
  readonly id: string;
  readonly channel: ChannelKind;
  /** user id (inbox), e-mail address, phone number, or webhook endpoint id. */
  readonly address: string;
  readonly notification: Notification;
  /** 1 on the first attempt. */
  readonly attempt: number;
}

/**
 * What a channel says of one attempt: `retry` for what may pass later (a timeout, connection
 * refused, SMTP 4xx, HTTP 5xx or 429), `failed` for what never will (SMTP 5xx, HTTP 4xx, an unknown
 * endpoint): the outbox dead-letters it at once instead of retrying in vain.
 */
export type DeliveryResult =
  | { readonly status: 'sent' }
  | { readonly status: 'retry'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

export const SENT: DeliveryResult = Object.freeze({ status: 'sent' });
export const retry = (reason: string): DeliveryResult => ({ status: 'retry', reason });
export const failed = (reason: string): DeliveryResult => ({ status: 'failed', reason });
