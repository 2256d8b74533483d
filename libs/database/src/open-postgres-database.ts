import { Kysely, PostgresDialect } from 'kysely';
import { Client, Pool, types } from 'pg';
import { NoTables, SqlDatabase } from './sql-database';

export interface PostgresDatabaseOptions {
  /** POSTGRES_URL. */
  readonly url: string;
  /** Schema that unqualified names resolve to (created when missing); default `public`. */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** int8 and numeric as numbers (counts, positions, sums), refusing what a double cannot hold exactly. */
function parseNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) && Number.isInteger(Number.parseFloat(text))) {
    throw new RangeError(`PostgreSQL returned ${text}, beyond JavaScript's safe integers`);
  }
  return value;
}

const INT8 = 20;
const NUMERIC = 1700;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? parseNumber : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/** Schema names are set by us (read models, privacy, a rebuild), never by a request: still, only plain names. */
function checkedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a plain PostgreSQL schema name: ${schema}`);
  return schema;
}

/** Creates the schema once; two processes starting together may race, and both must succeed. */
async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bihuan-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/**
 * Shared state on PostgreSQL (POSTGRES_URL): a pool under Kysely whose connections resolve
 * unqualified names in `schema`, so the same queries serve read models (`public`), the
 * personal-data key store (`privacy`, granted and backed up apart) and a rebuild's scratch schema.
 */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<SqlDatabase> {
  const schema = checkedSchema(options.schema ?? 'public');
  if (schema !== 'public') await ensureSchema(options.url, schema);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: TYPES,
    options: `-c search_path=${schema}`,
  });
  // An idle client's network error would otherwise crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    sqlite: null,
    schema,
    url: options.url,
    derivedWrites: (work) => work(db),
    close: () => db.destroy(),
  };
}
