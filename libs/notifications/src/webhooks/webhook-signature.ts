import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unix seconds the body was signed at; the receiver refuses stale ones (replays). */
export const TIMESTAMP_HEADER = 'x-bihuan-timestamp';
/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. */
export const SIGNATURE_HEADER = 'x-bihuan-signature';
/** The notification id: a receiver drops a second delivery of the same id. */
export const NOTIFICATION_ID_HEADER = 'x-bihuan-notification';

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** The two headers a signed POST carries. */
export function signWebhook(secret: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body) };
}

export interface WebhookVerification {
  readonly secret: string;
  /** The raw request body exactly as received (before any JSON parsing). */
  readonly body: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  /** The receiver's clock, epoch ms. */
  readonly nowMs: number;
  /** How far the timestamp may be from now; default 300 s. */
  readonly toleranceSeconds?: number;
}

/**
 * What a receiver does (docs/notifications.md): recompute the HMAC over `timestamp.body` with the
 * shared secret, compare in constant time, and refuse timestamps outside the tolerance.
 */
export function verifyWebhookSignature(v: WebhookVerification): boolean {
  if (!v.timestamp || !v.signature || !/^\d{1,12}$/.test(v.timestamp)) return false;
  if (Math.abs(v.nowMs / 1000 - Number(v.timestamp)) > (v.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(v.secret, v.timestamp, v.body));
  const given = Buffer.from(v.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * DingTalk's own robot signing ("加签"): `timestamp` (ms) and `sign` =
 * base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")) as query parameters of the robot's URL.
 */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const timestamp = String(nowMs);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('sign', sign);
  return signed.toString();
}
