import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteConnection, SqliteStatement } from 'kysely';

/** Distinct statements kept per connection; a deployment's queries stay far below this. */
const MAX_STATEMENTS = 512;

type Row = Record<string, unknown>;

/**
 * Makes a row object of a raw row, written for these column names: `{ "a": values[0], … }`, one
 * function per statement, so that V8 sees one object shape per function and builds it as a literal.
 * One shared loop assigning the names one by one saw every table's shapes and went megamorphic:
 * ~10 µs for a page of 21 visits against < 1 µs (issue 14, item 6). The names are SQLite's column
 * names, quoted as JSON strings; a repeated name keeps its last value, as better-sqlite3's own
 * objects do. `__proto__` would set the object's prototype in a literal, so such a row is made by
 * assignment instead.
 */
function rowMaker(names: readonly string[]): (values: unknown[]) => Row {
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Row = {};
      names.forEach((name, i) =>
        Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true }),
      );
      return row;
    };
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as (values: unknown[]) => Row;
}

/**
 * A statement that answers rows, read in better-sqlite3's raw mode (one array per row) and made
 * objects here (`rowMaker`). better-sqlite3 builds each row object through V8's C++ API, one
 * property at a time: for a page of 21 visits that was 160 µs of the query's, against 90 µs as
 * arrays (issue 14, item 6).
 */
function objectRows(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  statement.raw(true);
  const columnNames = (): string[] => statement.columns().map((column) => column.name);
  let names = columnNames();
  let make = rowMaker(names);
  const toObject = (values: unknown[]): Row => {
    // SQLite re-prepared the statement under a schema changed since: a column added or dropped.
    if (values.length !== names.length) {
      names = columnNames();
      make = rowMaker(names);
    }
    return make(values);
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
