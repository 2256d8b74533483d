import { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { BatchPlan, BatchState, PendingAppend } from './postgres-batch-plan';
import { APPEND_LOCK_KEY, NOTIFY_CHANNEL } from './postgres-schema';
import { batchStateSql, insertSql, SQL, toPosition, visibleSql } from './postgres-statements';

/**
 * The statements of one group-commit transaction, sent as multi-statement simple queries so a
 * batch costs two round trips: values are inlined (pg's escapeLiteral), since the extended
 * protocol takes one statement per round trip.
 */

interface BatchStateRow {
  kind: 'h' | 'i';
  stream: string;
  revision: number;
  value: string;
  position: string | null;
}

/**
 * BEGIN, take the append lock, assign the transaction's xid (inside the lock: that is what keeps
 * positions growing with xids), and read the batch's stream heads and already known eventIds.
 */
export async function beginBatch(client: PoolClient, pending: readonly PendingAppend[]): Promise<{ xid: string; state: BatchState }> {
  const streams = [...new Set(pending.map((p) => p.stream))];
  const ids = pending.flatMap((p) => p.events.map((e) => e.metadata.eventId));
  const results = await multi(
    client,
    `BEGIN; SELECT pg_advisory_lock(${APPEND_LOCK_KEY}); SELECT pg_current_xact_id()::text AS xid; ${batchStateSql(streams, ids)}`,
  );
  const xid = (results[2]!.rows[0] as { xid: string }).xid;
  const heads = new Map<string, { revision: number; hash: string }>();
  const eventIds = new Map<string, { stream: string; position: number }>();
  for (const row of results[3]!.rows as BatchStateRow[]) {
    if (row.kind === 'h') heads.set(row.stream, { revision: row.revision, hash: row.value });
    else eventIds.set(row.value, { stream: row.stream, position: toPosition(row.position!) });
  }
  return { xid, state: { heads, eventIds } };
}

/** What the second round trip brought back: the rows' positions (in row order), and more. */
export interface FinishedBatch {
  readonly positions: number[];
  /** The log's last position (answer of an empty append); 0 when not asked for. */
  readonly last: number;
  /** Whether readers already see the batch (no older transaction in flight at COMMIT). */
  readonly visible: boolean;
}

/** INSERT the planned rows, release the lock, NOTIFY, COMMIT, and check visibility: one round trip. */
export async function finishBatch(client: PoolClient, plan: BatchPlan, recordedAt: string, xid: string): Promise<FinishedBatch> {
  const writes = plan.rows.stream.length > 0;
  const wantsLast = plan.outcomes.some((o) => o.ok && o.row === undefined && o.position === undefined);
  const statements = [
    ...(writes ? [insertSql(plan.rows, recordedAt)] : []),
    ...(wantsLast ? [SQL.lastPosition] : []),
    `SELECT pg_advisory_unlock(${APPEND_LOCK_KEY})`,
    ...(writes ? [`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`, 'COMMIT', visibleSql(xid)] : ['COMMIT']),
  ];
  const results = await multi(client, statements.join('; '));
  let positions: number[] = [];
  if (writes) {
    const byId = new Map((results[0]!.rows as { position: string; event_id: string }[]).map((r) => [r.event_id, toPosition(r.position)]));
    positions = plan.rows.eventId.map((id) => byId.get(id)!);
  }
  const lastRow = wantsLast ? (results[writes ? 1 : 0]!.rows[0] as { position: string | null }) : null;
  return {
    positions,
    last: lastRow?.position ? toPosition(lastRow.position) : 0,
    visible: writes ? (results[results.length - 1]!.rows[0] as { visible: boolean }).visible : true,
  };
}

/**
 * Ends a failed transaction and gives the append lock back (a session lock outlives ROLLBACK).
 * Returns an error when the connection itself is unusable, so the pool discards it.
 */
export async function rollBack(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK; SELECT pg_advisory_unlock_all()');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** A simple-protocol query of several statements: pg answers with one result per statement. */
async function multi(client: PoolClient, text: string): Promise<QueryResult<QueryResultRow>[]> {
  const results = (await client.query(text)) as unknown as QueryResult<QueryResultRow>[] | QueryResult<QueryResultRow>;
  return Array.isArray(results) ? results : [results];
}
