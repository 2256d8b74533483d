/** How a webhook body is shaped: Bihuan's own JSON, or what a 政务微信 (WeCom) / 钉钉 (DingTalk) group robot takes. */
export const WEBHOOK_FORMATS = ['generic', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * A system or group robot that is told of notifications. Admins list them in the `notifications`
 * policy (`PUT /admin/policies/notifications`); a notification names the endpoints it goes to by id.
 * The signing secret is best given by reference: `secretRef` names an environment variable
 * `NOTIFY_WEBHOOK_SECRET_<NAME>` (so the secret stays out of the log, where policies are recorded);
 * `secret` inline is accepted for robots whose secret is not sensitive.
 */
export interface WebhookEndpoint {
  readonly id: string;
  /** https URL (a robot's URL carries its access token / key). */
  readonly url: string;
  readonly secret?: string;
  readonly secretRef?: string;
  /** Notification kinds this endpoint takes; empty: all. */
  readonly kinds: readonly string[];
  /** Units whose notifications it takes (e.g. one hospital's own OA); absent or empty: every unit. */
  readonly units?: readonly string[];
  readonly format: WebhookFormat;
}

/** Retry and timing numbers of the delivery outbox. */
export interface DeliverySettings {
  /** Attempts before a delivery is dead-lettered (status `failed`). */
  readonly maxAttempts: number;
  /** Delay before the second attempt; each further one doubles it. */
  readonly baseDelaySeconds: number;
  /** No delay between attempts exceeds this. */
  readonly maxDelaySeconds: number;
  /** How long a claimed delivery is a worker's own; longer than any channel's timeout. */
  readonly leaseSeconds: number;
  /** How long a webhook receiver may take to answer. */
  readonly webhookTimeoutSeconds: number;
}

export interface NotificationsPolicy {
  readonly policyVersion: string;
  readonly delivery: DeliverySettings;
  readonly webhooks: readonly WebhookEndpoint[];
}

/**
 * Defaults: 8 attempts over about 2 hours (1, 2, 4 … minutes, at most an hour apart), no webhooks.
 * Policy context `notifications`, changed like every policy (admin, with a reason).
 */
export const DEFAULT_NOTIFICATIONS_POLICY: NotificationsPolicy = Object.freeze({
  policyVersion: 'notifications-2026.1',
  delivery: Object.freeze({ maxAttempts: 8, baseDelaySeconds: 60, maxDelaySeconds: 3_600, leaseSeconds: 120, webhookTimeoutSeconds: 10 }),
  webhooks: Object.freeze([]) as readonly WebhookEndpoint[],
});

export const NOTIFICATIONS_POLICY_CONTEXT = 'notifications';

/** The ids of the endpoints that take a notification of `kind` (for the producer that addresses it). */
export function webhookEndpointsFor(policy: Pick<NotificationsPolicy, 'webhooks'>, kind: string): string[] {
  return policy.webhooks.filter((e) => e.kinds.length === 0 || e.kinds.includes(kind)).map((e) => e.id);
}
