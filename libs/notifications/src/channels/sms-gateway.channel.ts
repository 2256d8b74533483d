import { Delivery, DeliveryResult } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { absoluteLink } from './links';
import { postJson, resultOfHttp } from './post-json';

export interface SmsGatewayOptions {
  /** SMS_GATEWAY_URL: the gateway's send endpoint. */
  readonly url: string;
  /** SMS_GATEWAY_TOKEN, sent as `Authorization: Bearer …`. */
  readonly token: string;
  readonly timeoutMs?: number;
  /** Base URL the console's link is made absolute with (PUBLIC_BASE_URL); null: the path as is. */
  readonly linkBase?: string | null;
}

/**
 * Text messages through the province's (or an operator's) SMS gateway over HTTP: POST
 * `{ phone, template, params }`, where `template` is the notification's kind (the gateway holds the
 * registered wording per kind, as Chinese SMS rules require) and `params` carry only the title and
 * the link — a notification's title names the case, never another person (the producer's duty).
 * 400-class answers are permanent (bad number, unknown template), 5xx and timeouts retried.
 */
export class SmsGatewayChannel implements NotificationChannel {
  readonly kind = 'sms' as const;

  constructor(private readonly options: SmsGatewayOptions) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const n = delivery.notification;
    const body = JSON.stringify({
      id: n.id,
      phone: delivery.address,
      template: n.kind,
      params: { title: n.title, link: absoluteLink(this.options.linkBase ?? null, n.link) },
    });
    const answer = await postJson({
      url: this.options.url,
      body,
      headers: { authorization: `Bearer ${this.options.token}` },
      timeoutMs: this.options.timeoutMs ?? 10_000,
    });
    return resultOfHttp(answer, 'SMS gateway');
  }
}
