import { Clock } from '@bihuan/core';
import { Delivery, DeliveryResult, failed, retry } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { NotificationsPolicy, WEBHOOK_FORMATS, WebhookEndpoint } from '../notifications.policy';
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
    const problem = endpointProblem(endpoint);
    if (problem) return failed(`endpoint ${endpoint.id}: ${problem}`);
    const n = delivery.notification;
    if (endpoint.kinds.length > 0 && !endpoint.kinds.includes(n.kind)) return failed(`endpoint ${endpoint.id} does not take ${n.kind}`);
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

/**
 * The policy check compares an override's JSON shape with the defaults, whose list of endpoints is
 * empty: so each endpoint is checked here, where a bad one fails its deliveries (visible to admins).
 */
function endpointProblem(e: WebhookEndpoint): string | null {
  if (typeof e.url !== 'string' || !/^https?:\/\/\S+$/.test(e.url)) return 'url must be an http(s) URL';
  if (!Array.isArray(e.kinds) || e.kinds.some((k) => typeof k !== 'string')) return 'kinds must be a list of notification kinds';
  if (!WEBHOOK_FORMATS.includes(e.format)) return `format must be one of ${WEBHOOK_FORMATS.join(', ')}`;
  return null;
}

/** `secretRef` → secret from the configured names (`config.notifications.webhookSecrets`, NOTIFY_WEBHOOK_SECRET_<NAME>). */
export function namedSecrets(secrets: Readonly<Record<string, string>>): (ref: string) => string | undefined {
  return (ref) => (Object.prototype.hasOwnProperty.call(secrets, ref) ? secrets[ref] : undefined);
}
