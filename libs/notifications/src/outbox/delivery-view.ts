import { ChannelKind, Notification } from '../notification';
import { DeliveryStatus, NotificationTables } from '../notifications.migrations';

/** A delivery as admins see it (`GET /admin/deliveries`): status, attempts, the last error. */
export interface DeliveryView {
  readonly id: string;
  readonly notificationId: string;
  readonly kind: string;
  readonly channel: ChannelKind;
  /** For e-mail and SMS only the domain / the last four digits: an admin list is no address book. */
  readonly address: string;
  readonly recipient: { readonly userId: string; readonly unitId: string };
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function masked(channel: string, address: string): string {
  if (channel === 'email') return address.replace(/^[^@]*/, '***');
  if (channel === 'sms') return `***${address.slice(-4)}`;
  return address;
}

export function viewOf(row: NotificationTables['notification_deliveries']): DeliveryView {
  const n = JSON.parse(row.notification) as Notification;
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    notificationId: row.notification_id,
    kind: n.kind,
    channel: row.channel as ChannelKind,
    address: masked(row.channel, row.address),
    recipient: { userId: n.recipient.userId, unitId: n.recipient.unitId },
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'sent' || row.status === 'failed' ? null : iso(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
