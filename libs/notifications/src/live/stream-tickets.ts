import { createHash, randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import { Actor, Clock } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { TicketRedeemer } from '@bihuan/auth';
import { NotificationTables } from '../notifications.migrations';

/** How long a ticket may wait to be used: enough to open the stream, too short to be worth stealing. */
export const STREAM_TICKET_SECONDS = 60;

export interface IssuedTicket {
  readonly ticket: string;
  readonly expiresAt: string;
}

const hashOf = (ticket: string): string => createHash('sha256').update(ticket, 'utf8').digest('hex');

/**
 * One-time tickets for GET /me/stream?ticket=… (a browser's EventSource cannot send the bearer
 * header, and a long-lived token must not sit in a URL, where proxies and logs keep it). A ticket
 * is 256 random bits, kept only as its hash in the shared database (so any API process redeems
 * it), valid 60 s and deleted by its first use: a copy in a log is useless afterwards.
 */
export class StreamTickets implements TicketRedeemer {
  private readonly db: Kysely<NotificationTables>;

  constructor(
    database: SqlDatabase,
    private readonly clock: Clock,
  ) {
    this.db = database.db.withTables<NotificationTables>();
  }

  async issue(actor: Actor, sessionId: string | null): Promise<IssuedTicket> {
    const now = this.clock.now().getTime();
    await this.db.deleteFrom('notification_stream_tickets').where('expires_at', '<=', now).execute();
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = now + STREAM_TICKET_SECONDS * 1000;
    await this.db
      .insertInto('notification_stream_tickets')
      .values({ ticket_hash: hashOf(ticket), actor: JSON.stringify(actor), session_id: sessionId, expires_at: expiresAt })
      .execute();
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The actor and session the ticket was issued to; null when unknown, already used or expired. */
  async redeem(ticket: string): Promise<{ actor: Actor; sessionId: string | null } | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
    // Deleting is the redemption: of two racing requests with one ticket, only one deletes the row.
    const row = await this.db
      .deleteFrom('notification_stream_tickets')
      .where('ticket_hash', '=', hashOf(ticket))
      .returning(['actor', 'session_id', 'expires_at'])
      .executeTakeFirst();
    if (!row || Number(row.expires_at) <= this.clock.now().getTime()) return null;
    return { actor: JSON.parse(row.actor) as Actor, sessionId: row.session_id };
  }
}
