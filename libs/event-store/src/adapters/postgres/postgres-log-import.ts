import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { boundLimit } from '@bihuan/database';
import { APPEND_LOCK_KEY, ensureEventlogSchema, EVENTLOG_SCHEMA } from './postgres-schema';

/** One row of the embedded log as stored: the JSON text that was hashed, not re-serialised. */
interface StoredRow {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly category: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export interface LogImportResult {
  readonly events: number;
}

/** The target already holds events: an import only ever fills an empty log. */
export class LogNotEmpty extends Error {}

const PAGE = 1_000;

/**
 * Moves an embedded installation's log (`bihuan.sqlite`) into an empty PostgreSQL log, row for
 * row in position order: the same streams, revisions, event ids, recorded times and the very JSON
 * text each SM3 hash was computed over, so every stream's chain verifies unchanged and "as of"
 * a time reads the same history. Global positions are assigned anew (PostgreSQL's identity), in
 * the same order; read models are rebuilt from the new log by the workers. Each page is one
 * transaction holding the append lock, so a process appending meanwhile would only queue behind
 * it — but nothing should run against either log while it moves.
 */
export async function importSqliteLog(
  sqliteFile: string,
  postgresUrl: string,
  onPage: (copied: number, total: number) => void = () => undefined,
): Promise<LogImportResult> {
  const source = new BetterSqlite3(sqliteFile, { readonly: true, fileMustExist: true });
  const pool = new Pool({ connectionString: postgresUrl, max: 1 });
  try {
    await ensureEventlogSchema(pool);
    const existing = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${EVENTLOG_SCHEMA}.events`);
    if (Number(existing.rows[0]?.n ?? 0) > 0) throw new LogNotEmpty(`The PostgreSQL log already holds ${existing.rows[0]!.n} events`);
    const total = (source.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const page = source.prepare(`SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ${boundLimit()}`);
    let copied = 0;
    for (let after = -1; ;) {
      const rows = page.all(after, PAGE) as StoredRow[];
      if (rows.length === 0) break;
      await insertPage(pool, rows);
      copied += rows.length;
      after = rows[rows.length - 1]!.position;
      onPage(copied, total);
    }
    return { events: copied };
  } finally {
    source.close();
    await pool.end();
  }
}

async function insertPage(pool: Pool, rows: readonly StoredRow[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
    const columns = ['stream', 'revision', 'category', 'event_id', 'type', 'data', 'metadata', 'recorded_at'] as const;
    const values = rows.map(
      (_, i) =>
        `(${columns.map((c, j) => `$${i * columns.length + j + 1}${c === 'data' || c === 'metadata' ? '::json' : ''}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${EVENTLOG_SCHEMA}.events (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      rows.flatMap((r) => columns.map((c) => r[c])),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
