import { Kysely } from 'kysely';
import { Clock } from '@bihuan/core';
import { limitOf, SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage } from '@bihuan/platform';
import { LiveUpdates } from '../live/live-updates';
import { Delivery, DeliveryResult, SENT } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { NotificationTables } from '../notifications.migrations';

/** One notification in a user's in-app inbox. */
export interface InboxItem {
  readonly notificationId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly stream: string | null;
  readonly occurredAt: string;
  /** ISO-8601 instant it reached the inbox. */
  readonly deliveredAt: string;
  /** ISO-8601 instant the user read it; null: unread. */
  readonly readAt: string | null;
}

export interface InboxQuery {
  readonly limit?: number;
  readonly unreadOnly?: boolean;
}

export interface InboxPageQuery {
  readonly unreadOnly?: boolean;
  readonly cursor?: string;
  readonly pageSize: number;
}

type InboxRow = NotificationTables['notification_inbox'];

const itemOf = (r: InboxRow): InboxItem => ({
  notificationId: r.notification_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  stream: r.stream,
  occurredAt: r.occurred_at,
  deliveredAt: new Date(Number(r.delivered_at)).toISOString(),
  readAt: r.read_at === null ? null : new Date(Number(r.read_at)).toISOString(),
});

/**
 * The in-app inbox, always on: a row per user and notification in the shared database. Keyed on
 * both, so a redelivery (a worker died after writing, before the outbox recorded it) is a no-op
 * and keeps the item's read state.
 */
export class InboxChannel implements NotificationChannel {
  readonly kind = 'inbox' as const;
  private readonly db: Kysely<NotificationTables>;

  constructor(
    database: SqlDatabase,
    private readonly clock: Clock,
    /** Told of each new item, so the user's open console shows it at once (GET /me/stream). */
    private readonly live: LiveUpdates | null = null,
  ) {
    this.db = database.db.withTables<NotificationTables>();
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const n = delivery.notification;
    const inserted = await this.db
      .insertInto('notification_inbox')
      .values({
        user_id: delivery.address,
        notification_id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        stream: n.stream,
        occurred_at: n.occurredAt,
        delivered_at: this.clock.now().getTime(),
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'notification_id']).doNothing())
      .executeTakeFirst();
    // A redelivery inserts nothing and pings nobody.
    if (this.live && Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      const unreadCount = await this.unreadCount(delivery.address);
      this.live.publish(delivery.address, {
        type: 'notification',
        data: { notificationId: n.id, kind: n.kind, title: n.title, link: n.link, unreadCount },
      });
    }
    return SENT;
  }

  /** A page of a user's inbox, newest first (keyset paging like every list: pass back `nextCursor`). */
  page(userId: string, query: InboxPageQuery): Promise<KeysetPage<InboxItem>> {
    let select = this.db.selectFrom('notification_inbox').selectAll().where('user_id', '=', userId);
    if (query.unreadOnly) select = select.where('read_at', 'is', null);
    return keysetPage({
      query: select,
      order: [
        { column: 'delivered_at', descending: true, of: (r: InboxRow) => Number(r.delivered_at) },
        { column: 'notification_id', descending: true, of: (r: InboxRow) => r.notification_id },
      ],
      cursor: query.cursor,
      pageSize: query.pageSize,
      map: itemOf,
    });
  }

  /** One item of the user's inbox; undefined when this user has none with that id (another's included). */
  async get(userId: string, notificationId: string): Promise<InboxItem | undefined> {
    const row = await this.db
      .selectFrom('notification_inbox')
      .selectAll()
      .where('user_id', '=', userId)
      .where('notification_id', '=', notificationId)
      .executeTakeFirst();
    return row && itemOf(row);
  }

  /** Marks every unread item of the user read; answers how many were. */
  async markAllRead(userId: string): Promise<number> {
    const result = await this.db
      .updateTable('notification_inbox')
      .set({ read_at: this.clock.now().getTime() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** A user's inbox, newest first (at most `limit`, default 50, cap 500). */
  async list(userId: string, query: InboxQuery = {}): Promise<InboxItem[]> {
    let select = this.db.selectFrom('notification_inbox').selectAll().where('user_id', '=', userId);
    if (query.unreadOnly) select = select.where('read_at', 'is', null);
    const rows = await select
      .orderBy('delivered_at', 'desc')
      .orderBy('notification_id', 'desc')
      .limit(limitOf(Math.min(Math.max(query.limit ?? 50, 1), 500)))
      .execute();
    return rows.map(itemOf);
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notification_inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks an item read (the first reading counts); false when the user has no such item. */
  async markRead(userId: string, notificationId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    await this.db
      .updateTable('notification_inbox')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('notification_id', '=', notificationId)
      .where('read_at', 'is', null)
      .execute();
    const row = await this.db
      .selectFrom('notification_inbox')
      .select('read_at')
      .where('user_id', '=', userId)
      .where('notification_id', '=', notificationId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
