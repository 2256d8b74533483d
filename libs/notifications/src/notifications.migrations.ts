import { MigrationSet } from '@bihuan/database';

/**
 * The notification tables in the read-model database. Not read models: the inbox (what a user has
 * read) and the outbox (what was handed to which channel) are operational state that cannot be
 * rebuilt from the log. Instants are epoch milliseconds (bigint on PostgreSQL, as elsewhere).
 */
export const NOTIFICATIONS_MIGRATIONS: MigrationSet = {
  owner: 'notifications',
  migrations: {
    '0001-inbox-and-outbox': async (db) => {
      await db.schema
        .createTable('notification_inbox')
        .ifNotExists()
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('stream', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .addPrimaryKeyConstraint('notification_inbox_pk', ['user_id', 'notification_id'])
        .execute();
      await db.schema
        .createIndex('notification_inbox_newest')
        .ifNotExists()
        .on('notification_inbox')
        .columns(['user_id', 'delivered_at'])
        .execute();
      await db.schema
        .createTable('notification_deliveries')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('notification', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('notification_deliveries_once', ['notification_id', 'channel', 'address'])
        .execute();
      // The dispatcher's claim reads due rows in order of their next attempt.
      await db.schema
        .createIndex('notification_deliveries_due')
        .ifNotExists()
        .on('notification_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
    '0002-preferences-and-stream-tickets': async (db) => {
      // A person's channel choices (docs/notifications.md, Preferences): settings, not facts of a case.
      await db.schema
        .createTable('notification_preferences')
        .ifNotExists()
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('preferences', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // One-time tickets for GET /me/stream, shared by every API process (only the hash is kept).
      await db.schema
        .createTable('notification_stream_tickets')
        .ifNotExists()
        .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

export type DeliveryStatus = 'queued' | 'sent' | 'retrying' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sent', 'retrying', 'failed'];
/** Catalogue `deliveryStatuses`; failed is the deliveries' dead letter (retries used up). */
export const DELIVERY_STATUS_LABELS: Readonly<Record<DeliveryStatus, string>> = {
  queued: '待发送',
  sent: '已送达',
  retrying: '等待重试',
  failed: '投递失败',
};

export type NotificationTables = {
  notification_inbox: {
    user_id: string;
    notification_id: string;
    kind: string;
    title: string;
    body: string;
    link: string;
    stream: string | null;
    occurred_at: string;
    delivered_at: number;
    read_at: number | null;
  };
  notification_deliveries: {
    id: string;
    notification_id: string;
    channel: string;
    address: string;
    /** The Notification as JSON: what the channel is given on every attempt. */
    notification: string;
    status: DeliveryStatus;
    attempts: number;
    /** Null once sent or failed: nothing more is due. */
    next_attempt_at: number | null;
    lease_owner: string | null;
    lease_until: number | null;
    last_error: string | null;
    created_at: number;
    updated_at: number;
  };
  notification_preferences: {
    user_id: string;
    /** NotificationPreferencesView as JSON. */
    preferences: string;
    updated_at: number;
  };
  notification_stream_tickets: {
    /** SHA-256 (hex) of the ticket: a leaked table holds no usable ticket. */
    ticket_hash: string;
    /** The Actor it was issued to, as JSON. */
    actor: string;
    session_id: string | null;
    expires_at: number;
  };
};
