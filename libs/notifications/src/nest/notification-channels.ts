import { Clock } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { AppConfig, PolicyRegistry } from '@bihuan/platform';
import { EmailChannel } from '../channels/email.channel';
import { InboxChannel } from '../channels/inbox.channel';
import { LiveUpdates } from '../live/live-updates';
import { SmsGatewayChannel } from '../channels/sms-gateway.channel';
import { NotificationChannel } from '../notification-channel.port';
import { DEFAULT_NOTIFICATIONS_POLICY, NOTIFICATIONS_POLICY_CONTEXT, NotificationsPolicy } from '../notifications.policy';
import { namedSecrets, WebhookChannel } from '../webhooks/webhook.channel';

/** The `notifications` policy in force (admins change it like every policy). */
export function notificationsPolicy(policies: PolicyRegistry): () => Promise<NotificationsPolicy> {
  return () => policies.current(NOTIFICATIONS_POLICY_CONTEXT, DEFAULT_NOTIFICATIONS_POLICY);
}

/**
 * The channels of this process: the inbox always; webhooks always (their endpoints are the
 * policy's, none by default); e-mail and SMS only when their variables are set — a delivery for a
 * channel no process has stays queued, visible to admins, instead of failing.
 */
export function channelsFrom(
  config: AppConfig,
  database: SqlDatabase,
  clock: Clock,
  policies: PolicyRegistry,
  live: LiveUpdates | null = null,
): NotificationChannel[] {
  const { smtp, sms, webhookSecrets } = config.notifications;
  // Links that leave the system (mail, robots, SMS) are absolute when PUBLIC_BASE_URL is set.
  const linkBase = config.publicBaseUrl;
  return [
    new InboxChannel(database, clock, live),
    new WebhookChannel({
      policy: notificationsPolicy(policies),
      secretOf: namedSecrets(webhookSecrets),
      clock,
      linkBase,
    }),
    ...(smtp ? [new EmailChannel({ url: smtp.url, from: smtp.from, linkBase })] : []),
    ...(sms ? [new SmsGatewayChannel({ url: sms.url, token: sms.token, linkBase })] : []),
  ];
}
