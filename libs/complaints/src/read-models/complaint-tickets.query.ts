import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AccessPolicy, readerOf } from '@bihuan/auth';
import { Actor, Clock, CLOCK, DomainError, ViewedMessage } from '@bihuan/core';
import { KeysetPage, legacyKeysetPage, READ_MODEL_DB, SortKey } from '@bihuan/platform';
import { complaintError } from '../domain/complaint-errors';
import { complaintTicketVisibility } from '../domain/complaint-ticket.visibility';
import { ensureComplaintsSchema } from './complaints.schema';
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

export interface TicketListFilter {
  readonly institutionId?: string;
  readonly status?: string;
  readonly category?: string;
  readonly channel?: string;
  readonly overdue?: boolean;
  /** received_at ≥ from (inclusive), < to (exclusive). */
  readonly from?: string;
  readonly to?: string;
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

/** The SQL that makes a row overdue at :now (a step past due, not waiting on the complainant). */
export const OVERDUE_SQL = `(status IN ('dispatched','acknowledged','decided') AND (answer_overdue = 1 OR (status = 'dispatched' AND ack_overdue = 1)
  OR (waiting_since IS NULL AND (answer_due_at < @now OR (status = 'dispatched' AND ack_due_at < @now)))))`;

/**
 * Reads of the complaints read model, always scoped: hospitals see the tickets assigned to their
 * institution, commission staff those received or handled within their jurisdiction, admins all.
 */
@Injectable()
export class ComplaintTicketQueries {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    ensureComplaintsSchema(db);
  }

  codeExists(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM complaints_tickets WHERE ticket_code = ?').get(code) !== undefined;
  }

  /** Tickets with this code (one in practice; codes are random, so a clash is told apart by the secret). */
  secretsOf(code: string): { ticketId: string; secretHash: string }[] {
    return this.db
      .prepare('SELECT ticket_id AS ticketId, secret_hash AS secretHash FROM complaints_tickets WHERE ticket_code = ?')
      .all(code) as {
      ticketId: string;
      secretHash: string;
    }[];
  }

  /** The scope condition and its parameters for an actor (`1` for admins). */
  scopeSql(actor: Actor): { sql: string; params: Record<string, string> } {
    if (actor.role === 'admin' || actor.role === 'system') return { sql: '1', params: {} };
    if (actor.role === 'hospital') return { sql: 'institution_id = @scopeUnit', params: { scopeUnit: actor.unit } };
    if (actor.role !== 'inspector' && actor.role !== 'leader') return { sql: '0', params: {} };
    const units = this.access.jurisdiction.subtree(actor.unit).map((u) => u.id);
    return {
      sql: '(receiving_unit IN (SELECT value FROM json_each(@scopeUnits)) OR institution_id IN (SELECT value FROM json_each(@scopeUnits)))',
      params: { scopeUnits: JSON.stringify(units) },
    };
  }

  /** WHERE clause (scope + filters) shared by the list and the statistics. */
  where(actor: Actor, f: Omit<TicketListFilter, 'cursor' | 'pageSize'>): { sql: string; params: Record<string, unknown> } {
    const scope = this.scopeSql(actor);
    const parts = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params, now: this.clock.now().toISOString() };
    const eq = (column: string, key: 'institutionId' | 'status' | 'category' | 'channel') => {
      if (f[key] === undefined) return;
      parts.push(`${column} = @${key}`);
      params[key] = f[key];
    };
    eq('COALESCE(institution_id, concerned_institution_id)', 'institutionId');
    eq('status', 'status');
    eq('category', 'category');
    eq('channel', 'channel');
    if (f.from) (parts.push('received_at >= @from'), (params['from'] = f.from));
    if (f.to) (parts.push('received_at < @to'), (params['to'] = f.to));
    if (f.overdue !== undefined) parts.push(f.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    return { sql: parts.join(' AND '), params };
  }

  list(actor: Actor, filter: TicketListFilter): TicketPage {
    const { sql, params } = this.where(actor, filter);
    return legacyKeysetPage(this.db, {
      select: `SELECT *, ${OVERDUE_SQL} AS overdue FROM complaints_tickets`,
      where: sql,
      params,
      order: NEWEST_FIRST,
      cursor: filter.cursor,
      pageSize: Math.min(200, Math.max(1, filter.pageSize ?? 20)),
      map: (r) => toListItem(r, actor),
    });
  }

  /** Detail and history; 404 for unknown tickets, 403 outside the actor's scope. */
  detail(actor: Actor, ticketId: string): TicketDetail {
    const row = this.db
      .prepare(`SELECT *, ${OVERDUE_SQL} AS overdue FROM complaints_tickets WHERE ticket_id = @id`)
      .get({ id: ticketId, now: this.clock.now().toISOString() }) as TicketRow | undefined;
    if (!row) throw complaintError('NOT_FOUND', 'No such complaint ticket');
    const { sql, params } = this.scopeSql(actor);
    const visible = this.db.prepare(`SELECT 1 FROM complaints_tickets WHERE ticket_id = @id AND ${sql}`).get({ ...params, id: ticketId });
    if (!visible) throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.role} ${actor.id} may not read this ticket`);
    const history = this.db.prepare('SELECT * FROM complaints_history WHERE ticket_id = ? ORDER BY position').all(ticketId) as {
      position: number;
      type: string;
      at: string;
      actor_id: string;
      actor_role: string;
      actor_unit: string;
      data: string;
    }[];
    // What each reader sees of each step is the ticket's visibility declaration (the rows carry no identity already).
    const reader = readerOf(this.access, actor);
    const entries: TicketHistoryEntry[] = history.flatMap((h) => {
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
    return toDetail(row, actor, entries);
  }

  /** What the complainant sees with code + secret (the caller has checked the secret). */
  publicStatus(ticketId: string): PublicTicketStatus {
    const row = this.db.prepare('SELECT * FROM complaints_tickets WHERE ticket_id = ?').get(ticketId) as TicketRow | undefined;
    if (!row) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
    return toPublicStatus(row);
  }
}
