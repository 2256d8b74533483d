import Database from 'better-sqlite3';
import { Clock, EventMetadata } from '@bihuan/core';
import { ChainBreak } from '../../chain/verify';
import {
  AppendResult,
  BatchDelivery,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { EVENT_UPCASTERS } from '../../upcasting/event-upcasters';
import { Upcasters } from '../../upcasting/upcasters';
import { RecordedAtStamp } from '../append-rules';
import { CatchUpSource, CatchUpSubscription, trackSubscription } from '../catch-up-subscription';
import { findPositionGap } from './sqlite-continuity';
import { GroupCommitStats, GroupCommitter } from './sqlite-group-commit';
import { applyPragmas, createSchema, SqliteSynchronous } from './sqlite-schema';
import { EventRow, MAX_POSITION, MAX_RECORDED_AT, NO_LIMIT, SqliteStatements, toRecorded } from './sqlite-statements';
import { SharedTail } from './sqlite-tail';

export interface SqliteEventStoreOptions {
  /** Path of the database file (created with its schema when missing). */
  readonly file: string;
  readonly clock: Clock;
  /** FULL (default): an acknowledged append survives power loss. NORMAL/OFF only for throwaway data. */
  readonly synchronous?: SqliteSynchronous;
  /** How long to wait for another process's write lock before failing an append (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /** How often subscriptions look for events appended by other processes (ms, default 250). */
  readonly pollIntervalMs?: number;
  /** Applied to every event read (default: the project's EVENT_UPCASTERS). */
  readonly upcasters?: Upcasters;
}

/**
 * The embedded default: one SQLite file (WAL) that several processes may share.
 *
 * Why a catch-up subscription here never skips an event (the classic projection-daemon gap, where
 * a transaction that took a lower sequence number commits after a higher one was already read):
 * SQLite has ONE writer lock per file. Positions (AUTOINCREMENT) are assigned inside the write
 * transaction that holds it (`BEGIN IMMEDIATE`), so a transaction that commits later always got
 * higher positions, and a WAL reader only ever sees whole committed transactions — the visible
 * log is always a prefix of the global order. Within this process appends are additionally
 * serialized by the group committer (synchronous better-sqlite3 calls), so no read can observe a
 * half-written batch. A subscription therefore just pulls `readAll` from its checkpoint: nudged at
 * once after each local commit, and polling for commits made by other processes.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly sql: SqliteStatements;
  private readonly committer: GroupCommitter;
  private readonly tail: SharedTail;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  /** See headForSubscribers: undefined when it must be read. */
  private subscribersHead: number | null | undefined = undefined;
  private closing = false;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
    clock: Clock,
    private readonly pollIntervalMs: number,
    private readonly upcasters: Upcasters,
  ) {
    this.sql = new SqliteStatements(db);
    this.tail = new SharedTail((after) => this.sql.readAll(after, NO_LIMIT, undefined).map((row) => this.recorded(row)));
    this.committer = new GroupCommitter(
      db,
      this.sql,
      new RecordedAtStamp(() => clock.now()),
      () => {
        this.subscribersHead = undefined; // the nudged subscriptions must see this commit
        for (const s of this.subscriptions) s.nudge();
      },
      (row) => this.recorded(row),
    );
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      applyPragmas(db, options.synchronous ?? 'FULL');
      createSchema(db);
      return new SqliteEventStore(db, options.file, options.clock, options.pollIntervalMs ?? 250, options.upcasters ?? EVENT_UPCASTERS);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * The open connection, for adapters that keep their tables in the same file (timers, checkpoints,
   * read models). Use only synchronous transactions on it (`database.transaction(fn)`), never one
   * held open across an `await`: the store's group commit runs its own on this connection.
   * Another process (or another connection) should open `file` and call `applyPragmas`.
   */
  get database(): Database.Database {
    return this.db;
  }

  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new Error('SqliteEventStore is closed'));
    return this.committer.enqueue(stream, events, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const asOf = options.asOf;
    const maxPosition = asOf && 'position' in asOf ? asOf.position : MAX_POSITION;
    const maxRecordedAt = asOf && 'recordedAt' in asOf ? asOf.recordedAt : MAX_RECORDED_AT;
    const limit = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.sql.streamBackwards.all(stream, options.fromRevision ?? MAX_POSITION, maxPosition, maxRecordedAt, limit)
        : this.sql.streamForwards.all(stream, options.fromRevision ?? 0, maxPosition, maxRecordedAt, limit);
    return rows.map((row) => this.recorded(row));
  }

  async eventRevision(stream: string, eventId: string): Promise<number | null> {
    this.assertOpen();
    return this.sql.eventRevision.get(eventId, stream) ?? null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.sql.readAll(options.fromPosition ?? 0, options.maxCount ?? NO_LIMIT, options.filter).map((row) => this.recorded(row));
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    return this.sql.headPosition.get()?.position ?? null;
  }

  subscribeToAll(handler: EventHandler | BatchDelivery, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    return trackSubscription(
      this.subscriptions,
      new CatchUpSubscription(this.nearHead, handler, { pollIntervalMs: this.pollIntervalMs, ...options }),
    );
  }

  /**
   * What subscriptions read through: near the head from the shared tail, else `readAll`. Only
   * they: other readers (verify, rebuilds, reports) read the file itself, so that an event changed
   * in the file behind the store's back is seen as it now is.
   */
  private readonly nearHead: CatchUpSource = {
    headPosition: async () => {
      this.assertOpen();
      return this.headForSubscribers();
    },
    readAll: async (options = {}) => {
      this.assertOpen();
      const head = this.headForSubscribers() ?? 0;
      const near = this.tail.read(options.fromPosition ?? 0, head, options.maxCount ?? NO_LIMIT, options.filter);
      return near ?? this.readAll(options);
    },
  };

  /**
   * The log's head as the subscriptions see it: read once per event-loop turn, and again after each
   * local commit. A commit nudges every subscription (~20 in a process running everything), and each
   * asked for the head twice per look — some 80 reads of the same number for one lone command, ~10 %
   * of its CPU (issue 14, item 6). A head read earlier in the turn is never ahead of the log, only
   * possibly behind another process's commit of this very turn: that one is seen on the next look,
   * as the subscriptions poll for other processes' commits anyway.
   */
  private headForSubscribers(): number | null {
    if (this.subscribersHead === undefined) {
      this.subscribersHead = this.sql.headPosition.get()?.position ?? null;
      setImmediate(() => (this.subscribersHead = undefined));
    }
    return this.subscribersHead;
  }

  /**
   * Last revision and hash of every stream, read from each stream's newest event (there is no head
   * table any more). Kept for `ChainVerifier.checkHeads` callers; a deleted stream tail is caught by
   * `checkContinuity` instead, since heads derived from the log agree with what is left of it.
   */
  streamHeads(): Map<string, { revision: number; hash: string }> {
    this.assertOpen();
    const heads = new Map<string, { revision: number; hash: string }>();
    for (const row of this.sql.streamHeads.all()) {
      heads.set(row.name, { revision: row.revision, hash: (JSON.parse(row.metadata) as EventMetadata).hash! });
    }
    return heads;
  }

  /**
   * The first deleted position (a gap, or a deleted global tail), or null: see `findPositionGap`.
   * Its statements share one read transaction (one WAL snapshot), so another process committing
   * meanwhile cannot make the last position and `sqlite_sequence` disagree.
   */
  checkContinuity(): ChainBreak | null {
    this.assertOpen();
    return this.db.transaction(() => findPositionGap(this.sql))();
  }

  /** How many transactions the group committer ran for how many appends (diagnostics, tests). */
  groupCommitStats(): GroupCommitStats {
    return this.committer.stats();
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  /** Writes what is still queued, stops subscriptions, closes the file. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.committer.flush();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    this.closed = true;
    this.db.close();
  }

  /** A stored row as every read (and every append's answer) hands it out. */
  private recorded(row: EventRow): RecordedEvent {
    return this.upcasters.upcast(toRecorded(row));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}
