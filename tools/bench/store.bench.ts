import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, applyPragmas, createSchema } from '@bihuan/event-store';
import { SystemClock } from '@bihuan/core';
import { interleaved, report, Step } from './bench-output';
import { runPostgresStoreBench } from './store-postgres.bench';
import { appendConcurrent, appendSeq, ids, rawEnvelope, readAll, readStream } from './store-contenders';

/**
 * The embedded store against the physical limit of the same file system: raw better-sqlite3
 * inserts at the same durability (WAL, synchronous=FULL). Targets (issue 2): append_seq ≥ 0.8 ×
 * raw_insert_seq, append_concurrent64 ≥ 5 × append_seq. BENCH_SECONDS (default 3) sets how long
 * each contender is measured; write contenders are measured in alternating slices (bench-output).
 * Then the same for the PostgreSQL adapter against raw pg inserts, where a server answers
 * (store-postgres.bench.ts).
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const SUITE = 'store';

/** Raw better-sqlite3 on the same schema and pragmas: one transaction of `perTransaction` inserts per step. */
function rawInserts(db: Database.Database, stream: string, perTransaction: number): Step {
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, category, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const { data, metadata } = rawEnvelope();
  let i = 0;
  const batch = db.transaction((n: number) => {
    for (let k = 0; k < n; k++, i++) insert.run(stream, i, 'raw', ids.next(), 'FindingOpened', data, metadata, '2025-03-03T01:00:00.000Z');
  });
  return () => {
    batch(perTransaction);
    return perTransaction;
  };
}

/**
 * Each write contender has a file of its own: a WAL checkpoint (every 10,000 pages written) is paid
 * by whichever commit crosses the mark, so contenders sharing a file would pay for each other's pages.
 */
export async function runStoreBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-'));
  const rawSeqDb = openRaw(join(dir, 'raw-seq.sqlite'));
  const rawBatchDb = openRaw(join(dir, 'raw-batch.sqlite'));
  const seqStore = SqliteEventStore.open({ file: join(dir, 'seq.sqlite'), clock: new SystemClock() });
  const store = SqliteEventStore.open({ file: join(dir, 'concurrent.sqlite'), clock: new SystemClock() });
  try {
    const before = store.groupCommitStats();
    const writes = await interleaved(SECONDS, {
      rawSeq: rawInserts(rawSeqDb, 'raw-seq', 1),
      appendSeq: appendSeq(seqStore),
      rawBatch: rawInserts(rawBatchDb, 'raw-batch', 64),
      appendConcurrent: appendConcurrent(store, 64),
    });
    const after = store.groupCommitStats();
    const { rawSeq, appendSeq: seq, rawBatch, appendConcurrent: concurrent } = writes as Record<string, number>;
    report(SUITE, 'append_seq', seq!, 'events/s');
    report(SUITE, 'append_concurrent64', concurrent!, 'events/s');
    report(SUITE, 'read_stream', await readStream(store, SECONDS), 'events/s');
    report(SUITE, 'read_all', await readAll(store, SECONDS), 'events/s');
    report(SUITE, 'raw_insert_seq', rawSeq!, 'events/s');
    report(SUITE, 'raw_insert_batch64', rawBatch!, 'events/s');
    report(SUITE, 'append_seq_vs_raw', seq! / rawSeq!, 'ratio');
    report(SUITE, 'concurrent64_vs_seq', concurrent! / seq!, 'ratio');
    report(
      SUITE,
      'concurrent64_appends_per_transaction',
      (after.appends - before.appends) / (after.transactions - before.transactions),
      'ratio',
    );
  } finally {
    rawSeqDb.close();
    rawBatchDb.close();
    await seqStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await runPostgresStoreBench(SECONDS);
}

function openRaw(file: string): Database.Database {
  const db = new Database(file);
  applyPragmas(db, 'FULL');
  createSchema(db);
  return db;
}
