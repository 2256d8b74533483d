import { ConfigProblem } from './config-error';

/**
 * Delivery channels (docs/notifications.md): e-mail when SMTP_URL and SMTP_FROM are set, SMS when
 * SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN are; the inbox is always on and webhooks come from the
 * `notifications` policy, whose endpoints may name their signing secret `secretRef: "<NAME>"`,
 * read here from NOTIFY_WEBHOOK_SECRET_<NAME> so the secret never enters the log.
 */
export interface NotificationsConfig {
  readonly smtp: { readonly url: string; readonly from: string } | null;
  readonly sms: { readonly url: string; readonly token: string } | null;
  /** `<NAME>` → secret, from NOTIFY_WEBHOOK_SECRET_<NAME>. */
  readonly webhookSecrets: Readonly<Record<string, string>>;
}

type NotificationsRaw = Partial<Record<'SMTP_URL' | 'SMTP_FROM' | 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_TOKEN', string>>;

export const WEBHOOK_SECRET_PREFIX = 'NOTIFY_WEBHOOK_SECRET_';
const SECRET_NAME = /^NOTIFY_WEBHOOK_SECRET_[A-Z0-9_]{1,60}$/;

function pair<A extends keyof NotificationsRaw, B extends keyof NotificationsRaw>(raw: NotificationsRaw, a: A, b: B): ConfigProblem | null {
  if ((raw[a] === undefined) === (raw[b] === undefined)) return null;
  const [missing, set] = raw[a] === undefined ? [a, b] : [b, a];
  return { variable: missing, rule: `must be set together with ${set}`, value: '' };
}

export function notificationsConfigOf(
  raw: NotificationsRaw,
  env: Readonly<Record<string, string | undefined>>,
): { notifications: NotificationsConfig; problems: ConfigProblem[] } {
  const problems = [pair(raw, 'SMTP_URL', 'SMTP_FROM'), pair(raw, 'SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN')].filter(
    (p): p is ConfigProblem => p !== null,
  );
  const webhookSecrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(WEBHOOK_SECRET_PREFIX)) continue;
    const secret = value?.trim() ?? '';
    if (!SECRET_NAME.test(name))
      problems.push({ variable: name, rule: 'must be NOTIFY_WEBHOOK_SECRET_ followed by 1-60 of A-Z 0-9 _', value: '' });
    else if (secret.length < 16) problems.push({ variable: name, rule: 'must be at least 16 characters long', value: '' });
    else webhookSecrets[name.slice(WEBHOOK_SECRET_PREFIX.length)] = secret;
  }
  return {
    notifications: {
      smtp: raw.SMTP_URL && raw.SMTP_FROM ? { url: raw.SMTP_URL, from: raw.SMTP_FROM } : null,
      sms: raw.SMS_GATEWAY_URL && raw.SMS_GATEWAY_TOKEN ? { url: raw.SMS_GATEWAY_URL, token: raw.SMS_GATEWAY_TOKEN } : null,
      webhookSecrets,
    },
    problems,
  };
}
