import { AliasableExpression, Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { InspectionTables } from './inspection-read-model.schema';

/** Statuses in which a row still needs work (not signed off, not withdrawn). */
export const ACTIVE_STATUSES = ['open', 'noticeIssued', 'inProgress', 'signOffRequested'] as const;

type Findings = ExpressionBuilder<InspectionTables, 'inspection_findings'>;

/** The row still needs work. */
export function isActive(eb: Findings): Expression<SqlBool> {
  return eb('status', 'in', [...ACTIVE_STATUSES]);
}

/**
 * "Overdue against the clock": the row is active, its deadline clock has started, and either a
 * rung of the escalation ladder was reached in this round or its current deadline has passed by
 * `now` (so a wake-up that is late still shows the row overdue). Due dates and `now` are ISO-8601
 * instants of one fixed width (toISOString), so comparing them as text orders them in time on
 * both engines.
 */
export function isOverdue(eb: Findings, now: string): Expression<SqlBool> {
  return eb.and([
    isActive(eb),
    eb('current_due_at', 'is not', null),
    eb.or([eb('escalation_step', 'is not', null), eb('current_due_at', '<', now)]),
  ]);
}

/** A condition as 1 or 0: PostgreSQL would answer a boolean where SQLite answers an integer. */
export function oneIf(eb: Findings, condition: Expression<SqlBool>): AliasableExpression<number> {
  return eb.case().when(condition).then(1).else(0).end();
}

/** The ledger row's `overdue` column, 1 or 0 on both engines. */
export function overdueFlag(eb: Findings, now: string): AliasableExpression<number> {
  return oneIf(eb, isOverdue(eb, now));
}
