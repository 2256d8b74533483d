import { createHash } from 'node:crypto';
import { Kysely } from 'kysely';
import { Clock } from '@bihuan/core';
import { limitOf, SqlDatabase, SqlDialectName } from '@bihuan/database';
import { ChannelKind, Delivery, Notification } from '../notification';
import { DeliveryStatus, NotificationTables } from '../notifications.migrations';
import { DeliveryView, viewOf } from './delivery-view';

/** One channel at one address for a notification. */
export interface DeliveryTarget {
  readonly channel: ChannelKind;
  readonly address: string;
}

/** The row id: the same notification, channel and address always make the same delivery. */
export function deliveryIdOf(notificationId: string, target: DeliveryTarget): string {
  return createHash('sha256').update(`${notificationId}\n${target.channel}\n${target.address}`).digest('hex').slice(0, 32);
}

/**
 * The delivery outbox: one row per notification × channel × address (unique), so enqueueing the
 * same notification again — a redelivered event, a restarted workflow, a second worker — adds
 * nothing. Workers claim due rows with a lease in one UPDATE whose WHERE re-checks the lease (on
 * PostgreSQL the subquery also skips rows another claim holds locked, FOR UPDATE SKIP LOCKED; on
 * SQLite statements run one at a time), so two workers never hold the same row at once. Results
 * are written only by the lease holder.
 */
export class DeliveryOutbox {
  private readonly db: Kysely<NotificationTables>;
  private readonly dialect: SqlDialectName;

  constructor(
    database: SqlDatabase,
    private readonly clock: Clock,
  ) {
    this.db = database.db.withTables<NotificationTables>();
    this.dialect = database.dialect;
  }

  /** Queues the notification on each target; returns how many were new (0 for a repeat). */
  async enqueue(notification: Notification, targets: readonly DeliveryTarget[]): Promise<number> {
    const now = this.clock.now().getTime();
    let added = 0;
    for (const target of targets) {
      const inserted = await this.db
        .insertInto('notification_deliveries')
        .values({
          id: deliveryIdOf(notification.id, target),
          notification_id: notification.id,
          channel: target.channel,
          address: target.address,
          notification: JSON.stringify(notification),
          status: 'queued',
          attempts: 0,
          next_attempt_at: now,
          lease_owner: null,
          lease_until: null,
          last_error: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) added += 1;
    }
    return added;
  }

  /**
   * Takes up to `limit` due deliveries for `owner` until now + `leaseMs`, counting the attempt.
   * A row whose holder died is due again once its lease has run out. Only rows of `channels` (the
   * ones this worker can send on): a delivery for a channel no process has configured stays queued.
   */
  async claim(owner: string, channels: readonly ChannelKind[], limit: number, leaseMs: number): Promise<Delivery[]> {
    if (channels.length === 0 || limit <= 0) return [];
    const now = this.clock.now().getTime();
    let due = this.db
      .selectFrom('notification_deliveries')
      .select('id')
      .where('status', 'in', ['queued', 'retrying'])
      .where('channel', 'in', [...channels])
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limitOf(limit));
    if (this.dialect === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await this.db
      .updateTable('notification_deliveries')
      .set((eb) => ({ lease_owner: owner, lease_until: now + leaseMs, attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', 'in', due)
      // Repeated outside the subquery: a PostgreSQL claim that waited for the row re-checks these on its new version.
      .where('status', 'in', ['queued', 'retrying'])
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning(['id', 'channel', 'address', 'notification', 'attempts'])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelKind,
      address: r.address,
      notification: JSON.parse(r.notification) as Notification,
      attempt: r.attempts,
    }));
  }

  async markSent(id: string, owner: string): Promise<boolean> {
    return this.settle(id, owner, { status: 'sent', next_attempt_at: null, last_error: null });
  }

  /** Due again `delayMs` from now. */
  async markRetrying(id: string, owner: string, delayMs: number, error: string): Promise<boolean> {
    const next = this.clock.now().getTime() + delayMs;
    return this.settle(id, owner, { status: 'retrying', next_attempt_at: next, last_error: error });
  }

  /** Dead letter: nothing more is tried until an admin retries it. */
  async markFailed(id: string, owner: string, error: string): Promise<boolean> {
    return this.settle(id, owner, { status: 'failed', next_attempt_at: null, last_error: error });
  }

  /** Queues a failed (or retrying) delivery again now, attempts counted afresh; false when it is sent or unknown. */
  async retry(id: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const result = await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'queued', attempts: 0, next_attempt_at: now, lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'retrying'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<DeliveryView | null> {
    const row = await this.db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? viewOf(row) : null;
  }

  /** Deliveries newest first, optionally of one status (at most `limit`, default 100). */
  async list(query: { readonly status?: DeliveryStatus; readonly limit?: number } = {}): Promise<DeliveryView[]> {
    let select = this.db.selectFrom('notification_deliveries').selectAll();
    if (query.status) select = select.where('status', '=', query.status);
    const rows = await select
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(limitOf(Math.min(Math.max(query.limit ?? 100, 1), 500)))
      .execute();
    return rows.map(viewOf);
  }

  private async settle(
    id: string,
    owner: string,
    change: { status: DeliveryStatus; next_attempt_at: number | null; last_error: string | null },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_deliveries')
      .set({ ...change, lease_owner: null, lease_until: null, updated_at: this.clock.now().getTime() })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
