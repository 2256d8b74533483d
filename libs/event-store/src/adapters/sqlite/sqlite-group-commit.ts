import Database from 'better-sqlite3';
import { categoryOf } from '@bihuan/core';
import { checkExpectedRevision, WrongExpectedRevisionError } from '../../errors';
import { AppendResult, EventToAppend, ExpectedRevision } from '../../event-store.port';
import { sealEvent } from '../../chain/seal';
import { assertDistinctEventIds, duplicateEventIdError, RecordedAtStamp } from '../append-rules';
import { SqliteStatements } from './sqlite-statements';

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Diagnostics: how many write transactions served how many appends. */
export interface GroupCommitStats {
  readonly transactions: number;
  readonly appends: number;
}

/**
 * Group commit. `append` only enqueues; every append enqueued before the next `setImmediate`
 * turn (e.g. all requests whose I/O callbacks ran in the same event-loop turn) is written in ONE
 * `BEGIN IMMEDIATE … COMMIT`, so they share one fsync. Each append runs in its own SAVEPOINT with
 * its own expected-revision and idempotency check: one refused append rolls back only itself.
 * Promises settle after the COMMIT, i.e. only once the batch is durable.
 */
export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private transactionCount = 0;
  private appendCount = 0;
  private readonly batch: (pending: readonly PendingAppend[], outcomes: Outcome[]) => void;
  private readonly one: (append: PendingAppend) => AppendResult;
  private readonly alone: (append: PendingAppend) => AppendResult;

  constructor(
    db: Database.Database,
    private readonly sql: SqliteStatements,
    private readonly stamp: RecordedAtStamp,
    private readonly afterCommit: () => void,
  ) {
    // Nested better-sqlite3 transactions are savepoints.
    const one = db.transaction((append: PendingAppend) => this.write(append));
    this.one = one;
    // An append that is alone in its turn needs no savepoint: its own transaction is enough.
    this.alone = (append) => one.immediate(append);
    // A one-event append needs no savepoint either: the only write that can fail after checks
    // is its INSERT (a known eventId), and SQLite undoes a failed statement by itself. The head
    // row is written last; should that fail, the whole batch is abandoned (BatchAbort).
    const direct = (append: PendingAppend): AppendResult => this.write(append);
    const batch = db.transaction((pending: readonly PendingAppend[], outcomes: Outcome[]) => {
      for (const append of pending) outcomes.push(this.tryWrite(append, append.events.length === 1 ? direct : this.one));
    });
    this.batch = (pending, outcomes) => batch.immediate(pending, outcomes);
  }

  enqueue(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    });
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactionCount, appends: this.appendCount };
  }

  /** Writes everything queued now (also called by `close`). */
  readonly flush = (): void => {
    this.scheduled = false;
    const pending = this.queue;
    if (pending.length === 0) return;
    this.queue = [];
    const outcomes: Outcome[] = [];
    try {
      if (pending.length === 1) outcomes.push(this.tryWrite(pending[0]!, this.alone));
      else this.batch(pending, outcomes);
    } catch (error) {
      // BEGIN or COMMIT failed (busy beyond busy_timeout, disk full, I/O error): nothing was written.
      for (const p of pending) p.reject(error);
      return;
    }
    this.transactionCount += 1;
    this.appendCount += pending.length;
    for (const [i, p] of pending.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.result);
      else p.reject(outcome.error);
    }
    this.afterCommit();
  };

  private tryWrite(append: PendingAppend, write: (append: PendingAppend) => AppendResult): Outcome {
    try {
      return { ok: true, result: write(append) };
    } catch (error) {
      if (error instanceof BatchAbort) throw error.cause;
      if (isUniqueViolation(error)) {
        // Its savepoint (or transaction) is rolled back; an eventId already in the log: replay or caller bug.
        try {
          const replay = this.replayOf(append);
          if (replay) return { ok: true, result: replay };
        } catch (refusal) {
          return { ok: false, error: refusal };
        }
      }
      return { ok: false, error };
    }
  }

  private write({ stream, events, expected }: PendingAppend): AppendResult {
    assertDistinctEventIds(stream, events);
    const head = this.sql.selectHead.get(stream);
    try {
      checkExpectedRevision(stream, expected, head ? head.revision : null);
    } catch (error) {
      // A retried request carrying a stale expectation is still an idempotent replay.
      const replay = error instanceof WrongExpectedRevisionError ? this.replayOf({ stream, events }) : null;
      if (replay) return replay;
      throw error;
    }
    if (events.length === 0) {
      return { nextExpectedRevision: head ? head.revision : -1, position: this.sql.headPosition.get()?.position ?? 0, written: false };
    }
    const category = categoryOf(stream);
    const recordedAt = this.stamp.next();
    let revision = head ? head.revision : -1;
    let prevHash = head ? head.hash : null;
    let position = 0;
    for (const event of events) {
      revision += 1;
      // Hash the data as it will be read back (JSON), and store exactly that text.
      const data = JSON.stringify(event.data);
      const sealed = sealEvent(stream, revision, prevHash, { ...event, data: JSON.parse(data) as object }, recordedAt);
      const info = this.sql.insertEvent.run(
        stream,
        revision,
        category,
        sealed.metadata.eventId,
        sealed.type,
        data,
        JSON.stringify(sealed.metadata),
        recordedAt,
      );
      position = Number(info.lastInsertRowid);
      prevHash = sealed.metadata.hash;
    }
    try {
      if (head) this.sql.updateHead.run(revision, prevHash!, stream);
      else this.sql.insertHead.run(stream, revision, prevHash!);
    } catch (error) {
      throw new BatchAbort(error);
    }
    return { nextExpectedRevision: revision, position, written: true };
  }

  /** An append whose eventIds are all already in its stream is answered from the log. */
  private replayOf({ stream, events }: Pick<PendingAppend, 'stream' | 'events'>): AppendResult | null {
    if (events.length === 0) return null;
    const found = events.map((e) => this.sql.selectEventId.get(e.metadata.eventId));
    if (found.every((row) => row === undefined)) return null;
    for (const [i, row] of found.entries()) {
      if (!row || row.stream !== stream) {
        throw duplicateEventIdError(stream, events[i]!.metadata.eventId, row ? row.stream : 'no stream (partial replay)');
      }
    }
    const head = this.sql.selectHead.get(stream)!;
    return { nextExpectedRevision: head.revision, position: found[found.length - 1]!.position, written: false };
  }
}

/** A failure after this append's events were inserted: only rolling back the batch is safe. */
class BatchAbort extends Error {
  constructor(override readonly cause: unknown) {
    super('append failed after its events were written');
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
