import { Clock } from '@bihuan/core';
import { Delivery, DeliveryResult, failed, retry } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { NotificationsPolicy, WebhookEndpoint } from '../notifications.policy';
import { postJson, resultOfHttp } from '../channels/post-json';
import { robotRefusal, webhookBody } from './webhook-body';
import { dingtalkSignedUrl, NOTIFICATION_ID_HEADER, signWebhook } from './webhook-signature';

export interface WebhookChannelOptions {
  /** The policy in force (read per delivery, so an admin's change applies to the next attempt). */
  readonly policy: () => Promise<Pick<NotificationsPolicy, 'webhooks' | 'delivery'>>;
  /** Resolves an endpoint's `secretRef` (an environment variable's value); undefined: unknown. */
  readonly secretOf: (ref: string) => string | undefined;
  readonly clock: Clock;
  readonly linkBase?: string | null;
}

/**
 * Signed webhooks: POST the body as JSON to the endpoint named by the delivery's address, with
 * `X-Bihuan-Timestamp` and `X-Bihuan-Signature` (HMAC-SHA256 over `timestamp.body`, see
 * webhook-signature.ts) and the notification id. DingTalk robots with a secret also get their own
 * `timestamp`/`sign` query parameters. An unknown or misconfigured endpoint fails at once; the
 * request has the policy's timeout, so one slow receiver never holds the others.
 */
export class WebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;

  constructor(private readonly options: WebhookChannelOptions) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const policy = await this.options.policy();
    const endpoint = policy.webhooks.find((e) => e.id === delivery.address);
    if (!endpoint) return failed(`no webhook endpoint "${delivery.address}" in the notifications policy`);
    const n = delivery.notification;
    if (endpoint.kinds.length > 0 && !endpoint.kinds.includes(n.kind)) return failed(`endpoint ${endpoint.id} does not take ${n.kind}`);
    if (!/^https?:\/\//.test(endpoint.url)) return failed(`endpoint ${endpoint.id} has no http(s) URL`);
    const secret = this.secretOf(endpoint);
    if (secret === undefined) return failed(`endpoint ${endpoint.id}: its secret ${endpoint.secretRef ?? ''} is not set`);
    const now = this.options.clock.now().getTime();
    const body = webhookBody(endpoint.format, n, this.options.linkBase ?? null);
    const url = endpoint.format === 'dingtalk' && secret ? dingtalkSignedUrl(endpoint.url, secret, now) : endpoint.url;
    const answer = await postJson({
      url,
      body,
      headers: { ...(secret ? signWebhook(secret, now, body) : {}), [NOTIFICATION_ID_HEADER]: n.id },
      timeoutMs: policy.delivery.webhookTimeoutSeconds * 1000,
    });
    const result = resultOfHttp(answer, `webhook ${endpoint.id}`);
    if (result.status !== 'sent' || endpoint.format === 'generic' || 'error' in answer) return result;
    const refusal = robotRefusal(answer.text);
    if (!refusal) return result;
    return refusal.retry ? retry(`webhook ${endpoint.id}: ${refusal.reason}`) : failed(`webhook ${endpoint.id}: ${refusal.reason}`);
  }

  /** '' for a robot without signing (WeCom's key is in its URL); undefined when a reference does not resolve. */
  private secretOf(endpoint: WebhookEndpoint): string | undefined {
    if (endpoint.secretRef) return this.options.secretOf(endpoint.secretRef);
    if (endpoint.secret) return endpoint.secret;
    return endpoint.format === 'generic' ? undefined : '';
  }
}

/** The environment variables a `secretRef` may name: `NOTIFY_WEBHOOK_SECRET_<NAME>`, nothing else. */
export function environmentSecrets(env: Readonly<Record<string, string | undefined>>): (ref: string) => string | undefined {
  return (ref) => {
    const name = /^[A-Z0-9_]{1,60}$/.test(ref) ? `NOTIFY_WEBHOOK_SECRET_${ref}` : null;
    const value = name ? env[name]?.trim() : undefined;
    return value ? value : undefined;
  };
}
