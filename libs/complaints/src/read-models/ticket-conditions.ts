import { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { AccessPolicy } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ComplaintsTables } from './complaints.tables';

/** A condition on complaints_tickets, written once for SQLite and PostgreSQL. */
export type TicketCondition = (eb: ExpressionBuilder<ComplaintsTables, 'complaints_tickets'>) => Expression<SqlBool>;

/** What lists and statistics filter on (scope comes from the actor). */
export interface TicketFilter {
  readonly institutionId?: string;
  readonly status?: string;
  readonly category?: string;
  readonly channel?: string;
  readonly overdue?: boolean;
  /** received_at ≥ from (inclusive), < to (exclusive). */
  readonly from?: string;
  readonly to?: string;
}

/** Open in a step that has a clock (the states an overdue can happen in). */
const TIMED_STATUSES = ['dispatched', 'acknowledged', 'decided'];

/**
 * A ticket overdue at `now`: a step past due and not done, unless it waits on the complainant.
 * NULL (not false) where a due date is unknown, as before: `overdue=false` lists leave such rows
 * out, and the `overdue` column (CASE … ELSE 0) shows them as not overdue.
 */
export function overdueAt(now: string): TicketCondition {
  return (eb) =>
    eb.and([
      eb('status', 'in', TIMED_STATUSES),
      eb.or([
        eb('answer_overdue', '=', 1),
        eb.and([eb('status', '=', 'dispatched'), eb('ack_overdue', '=', 1)]),
        eb.and([
          eb('waiting_since', 'is', null),
          eb.or([eb('answer_due_at', '<', now), eb.and([eb('status', '=', 'dispatched'), eb('ack_due_at', '<', now)])]),
        ]),
      ]),
    ]);
}

/** The computed `overdue` column: 1 or 0 on both engines (a bare boolean would be 0/1 on SQLite, true/false on PostgreSQL). */
export function overdueColumn(now: string) {
  return (eb: ExpressionBuilder<ComplaintsTables, 'complaints_tickets'>) =>
    eb.case().when(overdueAt(now)(eb)).then(1).else(0).end().as('overdue');
}

/**
 * The tickets an actor may read: hospitals those assigned to their institution or received at its
 * own window (visibility's decideTicketRead says the same of one ticket), commission staff
 * those received or held within their jurisdiction (admins too: a city's admin its city), the
 * root's admin and the system all (AccessPolicy.readsEverywhere), anyone else none.
 */
export function scopeOf(access: AccessPolicy, actor: Actor): TicketCondition {
  if (access.readsEverywhere(actor)) return (eb) => eb.and([]);
  // A hospital: what it holds now, and what its own complaint office received (首诉负责), escalated or not.
  if (actor.role === 'hospital') return (eb) => eb.or([eb('institution_id', '=', actor.unit), eb('received_by', '=', actor.unit)]);
  const units =
    actor.role === 'inspector' || actor.role === 'leader' || actor.role === 'admin'
      ? access.jurisdiction.subtree(actor.unit).map((u) => u.id)
      : [];
  // `or([])` is false; `in ()` would be a syntax error on PostgreSQL.
  if (units.length === 0) return (eb) => eb.or([]);
  return (eb) => eb.or([eb('receiving_unit', 'in', units), eb('institution_id', 'in', units)]);
}

/**
 * An ISO-8601 bound as received_at is stored (UTC, `…Z`), so the text comparison compares instants:
 * `2025-04-01T00:00:00+08:00` is `2025-03-31T16:00:00.000Z`. A date alone is that day's start in
 * Beijing, the day people mean when they pick one.
 */
export function storedInstantOf(bound: string): string {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(bound) ? `${bound}T00:00:00+08:00` : bound).toISOString();
}

/** Scope and filters, shared by the list and the statistics. */
export function ticketsWhere(access: AccessPolicy, actor: Actor, f: TicketFilter, now: string): TicketCondition {
  return (eb) => {
    const parts: Expression<SqlBool>[] = [scopeOf(access, actor)(eb)];
    if (f.institutionId !== undefined) parts.push(eb(eb.fn.coalesce('institution_id', 'concerned_institution_id'), '=', f.institutionId));
    if (f.status !== undefined) parts.push(eb('status', '=', f.status));
    if (f.category !== undefined) parts.push(eb('category', '=', f.category));
    if (f.channel !== undefined) parts.push(eb('channel', '=', f.channel));
    if (f.from) parts.push(eb('received_at', '>=', storedInstantOf(f.from)));
    if (f.to) parts.push(eb('received_at', '<', storedInstantOf(f.to)));
    if (f.overdue !== undefined) parts.push(f.overdue ? overdueAt(now)(eb) : eb.not(overdueAt(now)(eb)));
    return eb.and(parts);
  };
}
