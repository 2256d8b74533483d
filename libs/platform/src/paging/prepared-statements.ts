import type Database from 'better-sqlite3';

/** Distinct statements kept per connection; filter combinations stay far below this. */
const MAX_PER_CONNECTION = 512;
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, prepared the first time and reused after: preparing costs more
 * than running a short indexed query (issue 14). SQLite re-prepares it should the schema change.
 */
export function preparedOn(db: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MAX_PER_CONNECTION) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
