import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { eventlogSchemaSql, PostgresEventStore } from '@bihuan/event-store';
import { SystemClock } from '@bihuan/core';
import { interleaved, report, Step } from './bench-output';
import { appendConcurrent, appendSeq, ids, rawEnvelope, readAll, readStream } from './store-contenders';

const SUITE = 'store';
/**
 * The server the PostgreSQL suites use (POSTGRES_TEST_SERVER of @bihuan/testing, which the bench
 * build cannot import: that lib needs jest's globals).
 */
const TEST_SERVER = process.env['POSTGRES_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL adapter against raw `pg` inserts into a table of the same shape (own schemas
 * `raw_seq`, `raw_batch`), on the same server in the same run: one awaited autocommit INSERT per
 * event, and one 64-row INSERT per transaction (the ceiling group commit aims at). Runs on a
 * database of its own on the server of POSTGRES_URL, else the test server (POSTGRES_TEST_URL or
 * 127.0.0.1:5432), and is skipped when none answers. Metrics carry a `pg_` prefix.
 */
export async function runPostgresStoreBench(seconds: number): Promise<void> {
  const server = process.env['POSTGRES_URL'] || TEST_SERVER;
  const database = `bihuan_bench_${randomBytes(4).toString('hex')}`;
  if (!(await onServer(server, `CREATE DATABASE ${database}`))) {
    process.stderr.write(`store bench: no PostgreSQL answers at ${new URL(server).host}; PostgreSQL contenders skipped\n`);
    return;
  }
  const url = new URL(server);
  url.pathname = `/${database}`;
  const raw = new Client({ connectionString: url.toString() });
  const rawBatch = new Client({ connectionString: url.toString() });
  let seqStore: PostgresEventStore | null = null;
  let store: PostgresEventStore | null = null;
  try {
    await raw.connect();
    await rawBatch.connect();
    await raw.query(`${eventlogSchemaSql('raw_seq')} ${eventlogSchemaSql('raw_batch')}`);
    seqStore = await PostgresEventStore.connect({ url: url.toString(), clock: new SystemClock() });
    store = await PostgresEventStore.connect({ url: url.toString(), clock: new SystemClock() });
    const before = store.groupCommitStats();
    const writes = await interleaved(seconds, {
      rawSeq: rawInserts(raw, 'raw_seq', 1),
      appendSeq: appendSeq(seqStore),
      rawBatch: rawInserts(rawBatch, 'raw_batch', 64),
      appendConcurrent: appendConcurrent(store, 64),
    });
    const after = store.groupCommitStats();
    const { rawSeq, appendSeq: seq, rawBatch: batch, appendConcurrent: concurrent } = writes as Record<string, number>;
    report(SUITE, 'pg_append_seq', seq!, 'events/s');
    report(SUITE, 'pg_append_concurrent64', concurrent!, 'events/s');
    report(SUITE, 'pg_read_stream', await readStream(store, seconds), 'events/s');
    report(SUITE, 'pg_read_all', await readAll(store, seconds), 'events/s');
    report(SUITE, 'pg_raw_insert_seq', rawSeq!, 'events/s');
    report(SUITE, 'pg_raw_insert_batch64', batch!, 'events/s');
    report(SUITE, 'pg_append_seq_vs_raw', seq! / rawSeq!, 'ratio');
    report(SUITE, 'pg_concurrent64_vs_seq', concurrent! / seq!, 'ratio');
    report(
      SUITE,
      'pg_concurrent64_appends_per_transaction',
      (after.appends - before.appends) / (after.transactions - before.transactions),
      'ratio',
    );
  } finally {
    await raw.end().catch(() => undefined);
    await rawBatch.end().catch(() => undefined);
    await seqStore?.close();
    await store?.close();
    await onServer(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

/** `perTransaction` rows in one autocommit INSERT per step, same columns and sizes as the store writes. */
function rawInserts(client: Client, schema: string, perTransaction: number): Step {
  const { data, metadata } = rawEnvelope();
  const sql = `INSERT INTO ${schema}.events (stream, revision, category, event_id, type, data, metadata, recorded_at)
    SELECT 'raw-1', r, 'raw', id, 'FindingOpened', $3::json, $4::json, '2025-03-03T01:00:00.000Z'
    FROM unnest($1::int[], $2::text[]) AS e(r, id)`;
  let revision = 0;
  return async () => {
    const revisions = Array.from({ length: perTransaction }, () => revision++);
    await client.query(sql, [revisions, revisions.map(() => ids.next()), data, metadata]);
    return perTransaction;
  };
}

/** Runs one statement on the server's maintenance database; false when the server does not answer. */
async function onServer(server: string, sql: string): Promise<boolean> {
  const client = new Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
