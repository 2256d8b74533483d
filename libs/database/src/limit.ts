import { RawBuilder, sql } from 'kysely';

/**
 * How a statement says how many rows it wants, so that SQLite does not prepare it again on every
 * run. SQLite (as better-sqlite3 builds it) reads the value of a bare `LIMIT ?` while planning (the
 * row estimate of an ORDER BY … LIMIT) and then marks the statement to be prepared anew whenever
 * that parameter is bound again — which better-sqlite3 does on every run. Measured on the log (issue
 * 14, item 6): a tail read that finds nothing took 11.7 µs with `LIMIT ?` and 4.4 µs with a literal;
 * a page of 21 visits ~15 µs more; under the HTTP bench the page query was prepared again on every
 * read (~2.5 % of a read's instructions).
 */

/**
 * A Kysely query's LIMIT as a literal: the statement cache then keeps one statement per count (page
 * sizes are few), and both SQLite and PostgreSQL plan with the real count. Refuses anything but a
 * safe integer, so nothing but digits ever reaches the SQL.
 */
export function limitOf(count: number): RawBuilder<number> {
  if (!Number.isSafeInteger(count)) throw new Error(`A LIMIT must be a safe integer, not ${String(count)}`);
  return sql.lit(count);
}

/**
 * A hand-written SQLite statement's LIMIT, bound like any value: `(SELECT ?)` is a value SQLite's
 * planner does not read, so one prepared statement serves every count. For statements whose plan
 * does not depend on the count (the log's reads: by position, by stream and revision; the log
 * import; the timers' claim). `parameter` names a named parameter (`@limit`) where a statement
 * uses those.
 */
export function boundLimit(parameter: '?' | `@${string}` = '?'): string {
  return `(SELECT ${parameter})`;
}
