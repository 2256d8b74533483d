import { Expression, ExpressionBuilder, sql, SqlBool } from 'kysely';

/**
 * The caller's scope over a table with an `institution_id` column. One institution (a hospital, or
 * a filter) is an equality the (institution_id, position) indexes answer in page order; several
 * are a list. No institution at all matches nothing: a false condition, because PostgreSQL refuses
 * an empty `IN ()` list.
 */
export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, visible: readonly string[]): Expression<SqlBool> {
  const institution = sql.ref<string>('institution_id');
  if (visible.length === 0) return sql<SqlBool>`1 = 0`;
  return visible.length === 1 ? eb(institution, '=', visible[0]!) : eb(institution, 'in', [...visible]);
}
