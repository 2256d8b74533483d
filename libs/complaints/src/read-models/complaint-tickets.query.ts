import { Inject, Injectable, Optional } from '@nestjs/common';
import { AccessPolicy, readerOf } from '@bihuan/auth';
import {
  Actor,
  Clock,
  CLOCK,
  DomainError,
  FULL_HISTORY_ROLES,
  HISTORY_SUMMARIES,
  HistorySummaries,
  summariseHistory,
  ViewedMessage,
} from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, READ_MODELS, SortKey } from '@bihuan/platform';
import { complaintError } from '../domain/complaint-errors';
import { complaintTicketVisibility } from '../domain/complaint-ticket.visibility';
import { ComplaintHistoryTable, ComplaintsTables } from './complaints.tables';
import { overdueColumn, scopeOf, TicketCondition, TicketFilter, ticketsWhere } from './ticket-conditions';
import {
  PublicTicketStatus,
  TicketDetail,
  TicketHistoryEntry,
  TicketListItem,
  TicketRow,
  toDetail,
  toListItem,
  toPublicStatus,
} from './ticket-views';

export interface TicketListFilter extends TicketFilter {
  /** The `nextCursor` of the page before (keyset paging); absent for the first page. */
  readonly cursor?: string;
  readonly pageSize?: number;
}

export type TicketPage = KeysetPage<TicketListItem>;

/** Newest first; the id breaks ties between tickets received in the same millisecond. */
const NEWEST_FIRST: readonly SortKey<TicketRow>[] = [
  { column: 'received_at', descending: true, of: (r) => String(r['received_at']) },
  { column: 'ticket_id', of: (r) => String(r['ticket_id']) },
];

/**
 * Reads of the complaints read model, always scoped: hospitals see the tickets assigned to their
 * institution, commission staff those received or handled within their jurisdiction, admins all.
 */
@Injectable()
export class ComplaintTicketQueries {
  constructor(
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    // The audit's registry, bound by the app; absent in a module composed without it (entries unsummarised).
    @Optional() @Inject(HISTORY_SUMMARIES) private readonly summaries?: HistorySummaries,
  ) {}

  private get db() {
    return this.database.db.withTables<ComplaintsTables>();
  }

  async codeExists(code: string): Promise<boolean> {
    const row = await this.db.selectFrom('complaints_tickets').select('ticket_id').where('ticket_code', '=', code).executeTakeFirst();
    return row !== undefined;
  }

  /** Tickets with this code (one in practice; codes are random, so a clash is told apart by the secret). */
  secretsOf(code: string): Promise<{ ticketId: string; secretHash: string }[]> {
    return this.db
      .selectFrom('complaints_tickets')
      .select(['ticket_id as ticketId', 'secret_hash as secretHash'])
      .where('ticket_code', '=', code)
      .execute();
  }

  /** Scope and filters at the clock's now, shared by the list and the statistics. */
  where(actor: Actor, filter: TicketFilter, now: string = this.clock.now().toISOString()): TicketCondition {
    return ticketsWhere(this.access, actor, filter, now);
  }

  list(actor: Actor, filter: TicketListFilter): Promise<TicketPage> {
    const now = this.clock.now().toISOString();
    return keysetPage({
      query: this.db
        .selectFrom('complaints_tickets')
        .selectAll()
        .select(overdueColumn(now))
        .where(this.where(actor, filter, now)),
      order: NEWEST_FIRST,
      cursor: filter.cursor,
      pageSize: Math.min(200, Math.max(1, filter.pageSize ?? 20)),
      map: (r) => toListItem(r, actor),
    });
  }

  /**
   * Detail and history; 404 for unknown tickets, 403 outside the actor's scope. Each history entry
   * carries its summary; bookkeeping is folded away unless `all` (FULL_HISTORY_ROLES only).
   */
  async detail(actor: Actor, ticketId: string, all = false): Promise<TicketDetail> {
    if (all) this.access.assertRole(actor, FULL_HISTORY_ROLES, 'Showing every event of a ticket history (?all=true)');
    const now = this.clock.now().toISOString();
    const row = await this.db
      .selectFrom('complaints_tickets')
      .selectAll()
      .select(overdueColumn(now))
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (!row) throw complaintError('NOT_FOUND', 'No such complaint ticket');
    const visible = await this.db
      .selectFrom('complaints_tickets')
      .select('ticket_id')
      .where('ticket_id', '=', ticketId)
      .where(scopeOf(this.access, actor))
      .executeTakeFirst();
    if (!visible) throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.role} ${actor.id} may not read this ticket`);
    const history = await this.db
      .selectFrom('complaints_history')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('position')
      .execute();
    const entries = this.entries(actor, history);
    return toDetail(row, actor, this.summaries ? summariseHistory(entries, this.summaries, all) : entries);
  }

  /** What each reader sees of each step is the ticket's visibility declaration (the rows carry no identity already). */
  private entries(actor: Actor, history: readonly ComplaintHistoryTable[]): TicketHistoryEntry[] {
    const reader = readerOf(this.access, actor);
    return history.flatMap((h) => {
      const entry = {
        position: h.position,
        type: h.type,
        at: h.at,
        actor: { id: h.actor_id, role: h.actor_role, unit: h.actor_unit },
        data: JSON.parse(h.data) as Record<string, unknown>,
      };
      const message: ViewedMessage = { type: h.type, data: entry.data, metadata: { actor: entry.actor } };
      const shown = complaintTicketVisibility.viewMessage!(reader, message, complaintTicketVisibility.initialState);
      return shown ? [{ ...entry, data: shown.data as Record<string, unknown> }] : [];
    });
  }

  /** What the complainant sees with code + secret (the caller has checked the secret). */
  async publicStatus(ticketId: string): Promise<PublicTicketStatus> {
    const row = await this.db.selectFrom('complaints_tickets').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
    if (!row) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
    return toPublicStatus(row);
  }
}
