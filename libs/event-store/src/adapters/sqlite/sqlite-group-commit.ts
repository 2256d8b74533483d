import Database from 'better-sqlite3';
import { categoryOf } from '@bihuan/core';
import { checkExpectedRevision, WrongExpectedRevisionError } from '../../errors';
import { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store.port';
import { sealAsText } from '../../chain/seal';
import { assertDistinctEventIds, duplicateEventIdError, RecordedAtStamp } from '../append-rules';
import { HeadCache } from './sqlite-head-cache';
import { EventRow, SqliteStatements } from './sqlite-statements';

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** What `write` did: its answer, and the head it leaves when it wrote events. */
interface Written {
  readonly result: AppendResult;
  readonly head?: { readonly hash: string };
}

type Write = (append: PendingAppend, recordedAt: string) => Written;

/** Diagnostics: how many write transactions served how many appends. */
export interface GroupCommitStats {
  readonly transactions: number;
  readonly appends: number;
}

/**
 * Group commit. `append` only enqueues; every append enqueued before the next `setImmediate`
 * turn (e.g. all requests whose I/O callbacks ran in the same event-loop turn) is written in ONE
 * `BEGIN IMMEDIATE … COMMIT`, so they share one fsync. Each append has its own expected-revision
 * and idempotency check, and one refused append rolls back only itself (a SAVEPOINT when it has
 * several events). Promises settle after the COMMIT, i.e. only once the batch is durable.
 * Stream heads come from a `HeadCache`; the only rows a commit writes are its events (no head table).
 */
export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private transactionCount = 0;
  private appendCount = 0;
  private readonly heads: HeadCache;
  private readonly batch: (pending: readonly PendingAppend[], outcomes: Outcome[]) => void;
  private readonly alone: (append: PendingAppend) => AppendResult;

  constructor(
    db: Database.Database,
    private readonly sql: SqliteStatements,
    private readonly stamp: RecordedAtStamp,
    private readonly afterCommit: () => void,
    /** A stored row as reads hand it out (parsed, upcast): what an append answers with. */
    private readonly recorded: (row: EventRow) => RecordedEvent,
  ) {
    const heads = new HeadCache(sql);
    this.heads = heads;
    const write: Write = (append, recordedAt) => this.write(append, recordedAt);
    // Nested better-sqlite3 transactions are savepoints.
    const savepoint: Write = db.transaction(write);
    // recordedAt is stamped once the write lock is held: a later commit never gets an earlier time.
    // An append that is alone in its turn needs no savepoint: its own transaction is enough.
    const alone = db.transaction((append: PendingAppend) => {
      heads.begin();
      const written = write(append, this.stamp.next());
      this.stage(append, written);
      return written.result;
    });
    this.alone = (append) => alone.immediate(append);
    // A one-event append needs no savepoint either: its only write is its INSERT, and SQLite
    // undoes a failed statement by itself (its AUTOINCREMENT step included: positions stay gapless).
    const batch = db.transaction((pending: readonly PendingAppend[], outcomes: Outcome[]) => {
      heads.begin();
      const recordedAt = this.stamp.next();
      for (const append of pending) outcomes.push(this.tryWrite(append, recordedAt, append.events.length === 1 ? write : savepoint));
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
    if (pending.length === 1) this.flushAlone(pending[0]!);
    else if (!this.flushBatch(pending)) return;
    this.afterCommit();
  };

  private flushAlone(append: PendingAppend): void {
    let outcome: Outcome;
    try {
      outcome = { ok: true, result: this.alone(append) };
      this.heads.committedNow();
    } catch (error) {
      // Rolled back (refused, or BEGIN/COMMIT failed): nothing of it was written.
      this.heads.rolledBack();
      outcome = this.refusal(append, error);
    }
    this.count(1);
    if (outcome.ok) append.resolve(outcome.result);
    else append.reject(outcome.error);
  }

  private flushBatch(pending: readonly PendingAppend[]): boolean {
    const outcomes: Outcome[] = [];
    try {
      this.batch(pending, outcomes);
      this.heads.committedNow();
    } catch (error) {
      // BEGIN or COMMIT failed (busy beyond busy_timeout, disk full, I/O error): nothing was written.
      this.heads.rolledBack();
      for (const p of pending) p.reject(error);
      return false;
    }
    this.count(pending.length);
    for (let i = 0; i < pending.length; i++) {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending[i]!.resolve(outcome.result);
      else pending[i]!.reject(outcome.error);
    }
    return true;
  }

  private count(appends: number): void {
    this.transactionCount += 1;
    this.appendCount += appends;
  }

  private tryWrite(append: PendingAppend, recordedAt: string, write: Write): Outcome {
    try {
      const written = write(append, recordedAt);
      this.stage(append, written);
      return { ok: true, result: written.result };
    } catch (error) {
      // Its savepoint (or its failed statement) is undone: nothing of this append was written.
      return this.refusal(append, error);
    }
  }

  /** An eventId already in the log makes a refused append a replay (or a caller bug). */
  private refusal(append: PendingAppend, error: unknown): Outcome {
    if (!isUniqueViolation(error)) return { ok: false, error };
    try {
      const replay = this.replayOf(append);
      return replay ? { ok: true, result: replay } : { ok: false, error };
    } catch (refusal) {
      return { ok: false, error: refusal };
    }
  }

  private stage(append: PendingAppend, written: Written): void {
    if (written.head) this.heads.stage(append.stream, written.result.nextExpectedRevision, written.head.hash);
  }

  private write({ stream, events, expected }: PendingAppend, recordedAt: string): Written {
    assertDistinctEventIds(stream, events);
    const head = this.heads.get(stream);
    try {
      checkExpectedRevision(stream, expected, head ? head.revision : null);
    } catch (error) {
      // A retried request carrying a stale expectation is still an idempotent replay.
      const replay = error instanceof WrongExpectedRevisionError ? this.replayOf({ stream, events }) : null;
      if (replay) return { result: replay };
      throw error;
    }
    if (events.length === 0) {
      return {
        result: {
          nextExpectedRevision: head ? head.revision : -1,
          position: this.sql.headPosition.get()?.position ?? 0,
          written: false,
          events: [],
        },
      };
    }
    const category = categoryOf(stream);
    let revision = head ? head.revision : -1;
    let prevHash = head ? head.hash : null;
    let position = 0;
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      revision += 1;
      // The seal hashes data and metadata as JSON will give them back; the texts stored are that JSON.
      const sealed = sealAsText(stream, revision, prevHash, event, recordedAt);
      const data = JSON.stringify(event.data);
      const info = this.sql.insertEvent.run(
        stream,
        revision,
        category,
        event.metadata.eventId,
        event.type,
        data,
        sealed.metadata,
        recordedAt,
      );
      position = Number(info.lastInsertRowid);
      prevHash = sealed.hash;
      // Built from the texts just stored, so the answer is what a read of the row gives back.
      recorded.push(this.recorded({ position, stream, revision, type: event.type, data, metadata: sealed.metadata }));
    }
    return { result: { nextExpectedRevision: revision, position, written: true, events: recorded }, head: { hash: prevHash! } };
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
    const head = this.heads.get(stream)!;
    return { nextExpectedRevision: head.revision, position: found[found.length - 1]!.position, written: false, events: [] };
  }
}

/**
 * By code, not `instanceof SqliteError`: better-sqlite3 registers its error class with the native
 * addon once per process, so where modules are loaded more than once (jest runs each test file in
 * its own module registry and realm) the thrown error can be another copy's SqliteError.
 */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
