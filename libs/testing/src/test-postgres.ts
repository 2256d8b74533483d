import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the suites run against: POSTGRES_TEST_URL, else the local server that
 * `.ci/run` makes sure of (127.0.0.1:5432, trust auth for `postgres`), as the Redis suites assume
 * 127.0.0.1:6379.
 */
export const POSTGRES_TEST_SERVER = process.env['POSTGRES_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one suite, so suites running in parallel never see each other's rows. */
export interface TestPostgresDatabase {
  /** Connection string of the new database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database (closing whatever connections are left). */
  drop(): Promise<void>;
}

function urlWithDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_TEST_SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named `bihuan_test_<label>_<random>`. */
export async function createTestPostgresDatabase(label = 'suite'): Promise<TestPostgresDatabase> {
  const name = `bihuan_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlWithDatabase(POSTGRES_TEST_SERVER, name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
