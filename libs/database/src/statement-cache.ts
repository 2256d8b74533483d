import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteConnection, SqliteStatement } from 'kysely';

/** Distinct statements kept per connection; a deployment's queries stay far below this. */
const MAX_STATEMENTS = 512;

type Row = Record<string, unknown>;

/**
 * A statement that answers rows, read in better-sqlite3's raw mode (one array per row) and made
 * objects here. better-sqlite3 builds each row object through V8's C++ API, one property at a time;
 * the same row made by a JavaScript loop over the column names costs about half (a page of 21 visits:
 * 160 µs as objects, 100 µs as arrays made objects here — issue 14, item 6). A repeated column name
 * keeps its last value, as better-sqlite3's own objects do.
 */
function objectRows(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  statement.raw(true);
  const columnNames = (): string[] => statement.columns().map((column) => column.name);
  let names = columnNames();
  const toObject = (values: unknown[]): Row => {
    // SQLite re-prepared the statement under a schema changed since: a column added or dropped.
    if (values.length !== names.length) names = columnNames();
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  };
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values);
    },
  };
}

/** Statements that leave every table's columns as they are; any other (CREATE, ALTER, DROP …) may change them. */
const KEEPS_SCHEMA = /^\s*(select|insert|update|delete|replace|with|begin|commit|end|rollback|savepoint|release|pragma)\b/i;

/**
 * The connection as Kysely's driver sees it, with each statement prepared once: Kysely prepares
 * per query, and preparing costs more than running a short indexed statement — the read models'
 * writes alone spent ~4 % of a command's CPU preparing (issue 14, item 6). Safe because the driver
 * runs one statement at a time on the connection.
 *
 * The kept statements (and the column names their rows are made with) are dropped when the schema
 * changes — a migration, a rebuild swapped in: SQLite would re-prepare a statement itself, but a `*`
 * could then name other columns. The schema's version is read before the first statement of each
 * turn of the event loop (by another connection or process, a change is seen from the next turn:
 * reading it before every statement was ~5 % of a read's CPU), and again after this connection
 * prepares a statement that may change the schema. Within a turn, a row whose length differs from
 * the names takes the statement's columns anew; what is left unseen is another process reordering
 * a table's columns, keeping their number, within one turn — no migration or rebuild here does that
 * (a rebuild copies the live table's definition).
 *
 * (Writes were once prepared afresh because a trigger's abort run a second time was seen to pass:
 * that is jest's doing, with or without a kept statement — better-sqlite3 builds its errors with the
 * SqliteError of the first module registry that loaded it, and in a later test file of the same jest
 * process a second abort can come back as success.)
 */
export function withStatementCache(raw: BetterSqlite3.Database): KyselySqliteConnection {
  const statements = new Map<string, SqliteStatement>();
  const schemaVersion = raw.prepare('PRAGMA schema_version').pluck();
  // Reading the schema table makes the connection load the schema anew: until a statement touches
  // a table, a statement prepared after another connection's change would describe the old columns.
  const reloadSchema = raw.prepare('SELECT 1 FROM sqlite_master LIMIT 0');
  let schema = schemaVersion.get();
  let checked = false;
  const checkSchema = (): void => {
    if (checked) return;
    checked = true;
    setImmediate(() => (checked = false));
    const current = schemaVersion.get();
    if (current === schema) return;
    reloadSchema.all();
    statements.clear();
    schema = current;
  };
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      checkSchema();
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      let statement = statements.get(sql);
      if (!statement) {
        statement = objectRows(raw.prepare(sql));
        statements.set(sql, statement);
      }
      // Runs once prepare returns: the next statement reads the version again.
      if (!KEEPS_SCHEMA.test(sql)) checked = false;
      return statement;
    },
  };
}
