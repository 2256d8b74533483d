import { Pool, PoolClient } from 'pg';
import { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store.port';
import { RecordedAtStamp } from '../append-rules';
import { PendingAppend, planBatch, plannedEvents } from './postgres-batch-plan';
import { beginBatch, finishBatch, rollBack } from './postgres-batch-sql';
import { SQL } from './postgres-statements';

/** Diagnostics: how many write transactions served how many appends. */
export interface PgGroupCommitStats {
  readonly transactions: number;
  readonly appends: number;
}

export interface PgGroupCommitOptions {
  /** Most appends per transaction (default 500). */
  readonly maxBatch?: number;
  /** How long an append waits, after its COMMIT, for readers to see its events (ms, default 2000). */
  readonly visibilityWaitMs?: number;
}

/**
 * How often a batch is planned again after it met another process's rows that were inserted but
 * not yet committed when it read the heads. Each such meeting means the other batch committed (the
 * INSERT waited for it), so the log moved on; under heavy contention between processes it happens
 * to a good share of batches (tests: dozens of times in 120 contended appends), rarely twice in a row.
 */
const RACE_RETRIES = 50;

/**
 * Group commit on PostgreSQL. `append` only enqueues; while one batch is being written, the appends
 * that arrive wait and form the next, so a busy process writes many appends per transaction (one
 * WAL flush). Each append keeps its own idempotency and expected-revision check, and a refused
 * append refuses only itself (`planBatch`). Promises settle after COMMIT.
 *
 * Why the append lock, and why it is released before COMMIT. Readers take only events whose
 * transaction id is below the oldest transaction still in flight (`VISIBLE`). That is gapless only
 * if positions grow with transaction ids: were a transaction with a *lower* xid to get a *higher*
 * position (two writers' nextval calls interleave), it could become visible first and a subscription
 * would checkpoint past the other's lower position before that one commits. So the xid is assigned
 * and all positions are handed out inside one critical section (a session advisory lock, shared
 * by every process on the database); the lock is released before COMMIT, so the WAL flushes of
 * several processes still overlap and a transaction that commits late is simply not visible until
 * it does (it holds readers back rather than being skipped).
 *
 * Heads are read under the lock. A writer that released the lock but has not committed yet is
 * invisible to that read; inserting after it meets its unique keys, waits for its COMMIT and fails:
 * the whole batch is then rolled back and planned again from the log (a few times at most).
 */
export class PgGroupCommitter {
  private queue: PendingAppend[] = [];
  private draining: Promise<void> | null = null;
  private transactionCount = 0;
  private appendCount = 0;
  private readonly maxBatch: number;
  private readonly visibilityWaitMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly stamp: RecordedAtStamp,
    private readonly afterCommit: () => void,
    /** Applied to the events an append answers with, as reads apply it (the store's upcasters). */
    private readonly upcast: (event: RecordedEvent) => RecordedEvent,
    options: PgGroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.visibilityWaitMs = options.visibilityWaitMs ?? 2000;
  }

  enqueue(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      // One setImmediate hop first, so the appends of this event-loop turn share the first batch.
      this.draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.drain());
    });
  }

  stats(): PgGroupCommitStats {
    return { transactions: this.transactionCount, appends: this.appendCount };
  }

  /** Resolves once everything queued so far is written (or refused). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const pending = this.queue.splice(0, this.maxBatch);
        await this.commit(pending);
        this.afterCommit();
      }
    } finally {
      this.draining = null;
    }
  }

  private async commit(pending: readonly PendingAppend[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let client: PoolClient;
      try {
        client = await this.pool.connect();
      } catch (error) {
        for (const p of pending) p.reject(error);
        return;
      }
      let broken: Error | undefined;
      try {
        const settle = await this.write(client, pending);
        this.transactionCount += 1; // before the promises settle, so their callers see the count
        this.appendCount += pending.length;
        settle();
        return;
      } catch (error) {
        broken = await rollBack(client);
        if (isUniqueViolation(error) && attempt < RACE_RETRIES) continue;
        for (const p of pending) p.reject(error);
        return;
      } finally {
        client.release(broken);
      }
    }
  }

  /**
   * One transaction in two round trips: BEGIN + lock + xid + state; then INSERT + unlock + COMMIT +
   * visibility check (a third only while an older transaction is still in flight). Returns how to
   * settle the promises.
   */
  private async write(client: PoolClient, pending: readonly PendingAppend[]): Promise<() => void> {
    const { xid, state } = await beginBatch(client, pending);
    const recordedAt = this.stamp.next(); // under the lock: a later batch never gets an earlier time
    const plan = planBatch(pending, state, recordedAt);
    const written = await finishBatch(client, plan, recordedAt, xid);
    // Committed: from here on nothing may turn the batch into a failure.
    if (!written.visible) await this.waitVisible(client, xid).catch(() => undefined);
    return () => {
      for (const [i, outcome] of plan.outcomes.entries()) {
        if (!outcome.ok) pending[i]!.reject(outcome.error);
        else {
          const position = outcome.row !== undefined ? written.positions[outcome.row]! : (outcome.position ?? written.last);
          const events = outcome.written
            ? plannedEvents(plan.rows, written.positions, outcome.row!, pending[i]!.events.length).map(this.upcast)
            : [];
          pending[i]!.resolve({ nextExpectedRevision: outcome.nextExpectedRevision, position, written: outcome.written, events });
        }
      }
    };
  }

  /**
   * An acknowledged append can be read back at once through readAll, headPosition and
   * subscriptions: wait until no older transaction is in flight. Normally that is already so, or a
   * few ms away (another process's batch committing); bounded, since the append is durable anyway.
   */
  private async waitVisible(client: PoolClient, xid: string): Promise<void> {
    const until = performance.now() + this.visibilityWaitMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      const { rows } = await client.query<{ visible: boolean }>(SQL.visible, [xid]);
      if (rows[0]!.visible || performance.now() >= until) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
