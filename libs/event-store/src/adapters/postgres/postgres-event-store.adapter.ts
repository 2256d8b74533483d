import { Pool, PoolConfig } from 'pg';
import { Clock } from '@bihuan/core';
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
import { CatchUpSubscription, trackSubscription } from '../catch-up-subscription';
import { PgCommitListener } from './postgres-commit-listener';
import { PgGroupCommitStats, PgGroupCommitter } from './postgres-group-commit';
import { ensureEventlogSchema } from './postgres-schema';
import { PgEventRow, SQL, toPosition, toRecordedFromPg } from './postgres-statements';

export interface PostgresEventStoreOptions {
  /** postgres:// or postgresql:// connection string. */
  readonly url: string;
  readonly clock: Clock;
  /** Connections in the pool (default 10): one writes at a time, the rest serve reads. */
  readonly poolSize?: number;
  /** How often subscriptions look for events committed by other processes (ms, default 250). */
  readonly pollIntervalMs?: number;
  /** Wake subscriptions on other processes' commits via LISTEN/NOTIFY (default true). */
  readonly listen?: boolean;
  /** How long an append waits for the append lock or another writer's row (ms, default 5000). */
  readonly lockTimeoutMs?: number;
  /** How long an acknowledged append waits for readers to see it (ms, default 2000). */
  readonly visibilityWaitMs?: number;
  /** Applied to every event read (default: the project's EVENT_UPCASTERS). */
  readonly upcasters?: Upcasters;
}

/**
 * The log in PostgreSQL (`eventlog.events`), for installations where several hosts share state.
 * Same contract, same SM3 chain (sealed by `sealAsText`, stored as the hashed text) as sqlite, so a
 * log moved between them keeps its hashes. Differences that matter:
 * - positions come from a sequence: unique and increasing but with gaps, and handed out before
 *   commit, so readAll and subscriptions only see events whose transaction is older than every
 *   transaction still running (see PgGroupCommitter): a late commit holds readers back, it is
 *   never skipped;
 * - there is no continuity check: a gap in positions is normal here, so a deleted stream tail is
 *   not detected by the store alone (anchor the last hash externally, as with EventStoreDB).
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres' as const;
  private readonly committer: PgGroupCommitter;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private listener: PgCommitListener | null = null;
  private closing = false;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    clock: Clock,
    private readonly pollIntervalMs: number,
    private readonly upcasters: Upcasters,
    visibilityWaitMs: number | undefined,
  ) {
    this.committer = new PgGroupCommitter(
      pool,
      new RecordedAtStamp(() => clock.now()),
      () => this.nudgeAll(),
      (event) => this.upcasters.upcast(event),
      { visibilityWaitMs },
    );
  }

  /** Connects, creates the `eventlog` schema when missing, and listens for other processes' commits. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = {
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: `-c lock_timeout=${options.lockTimeoutMs ?? 5000}`,
    };
    const pool = new Pool(config);
    // An idle client that loses its connection emits here; without a listener it would crash the process.
    pool.on('error', () => undefined);
    try {
      await ensureEventlogSchema(pool);
      const store = new PostgresEventStore(
        pool,
        options.clock,
        options.pollIntervalMs ?? 250,
        options.upcasters ?? EVENT_UPCASTERS,
        options.visibilityWaitMs,
      );
      if (options.listen ?? true) store.listener = await PgCommitListener.start({ connectionString: options.url }, () => store.nudgeAll());
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new Error('PostgresEventStore is closed'));
    return this.committer.enqueue(stream, events, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const asOf = options.asOf;
    const maxPosition = asOf && 'position' in asOf ? asOf.position : null;
    const maxRecordedAt = asOf && 'recordedAt' in asOf ? asOf.recordedAt : null;
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 2_147_483_647 : 0);
    const { rows } = await this.pool.query<PgEventRow>(backwards ? SQL.streamBackwards : SQL.streamForwards, [
      stream,
      from,
      maxPosition,
      maxRecordedAt,
      options.maxCount ?? null,
    ]);
    return rows.map((row) => this.upcasters.upcast(toRecordedFromPg(row)));
  }

  async eventRevision(stream: string, eventId: string): Promise<number | null> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ revision: number }>(SQL.eventRevision, [eventId, stream]);
    return rows[0]?.revision ?? null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const filter = options.filter;
    const { rows } = await this.pool.query<PgEventRow>(SQL.readAll, [
      options.fromPosition ?? 0,
      filter?.categories ? [...filter.categories] : null,
      filter?.eventTypes ? [...filter.eventTypes] : null,
      options.maxCount ?? null,
    ]);
    return rows.map((row) => this.upcasters.upcast(toRecordedFromPg(row)));
  }

  /** The newest position readers can see: every event up to it is visible (see VISIBLE). */
  async headPosition(): Promise<number | null> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ position: string | null }>(SQL.headPosition);
    return rows[0]!.position === null ? null : toPosition(rows[0]!.position);
  }

  subscribeToAll(handler: EventHandler | BatchDelivery, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    return trackSubscription(
      this.subscriptions,
      new CatchUpSubscription(this, handler, { pollIntervalMs: this.pollIntervalMs, ...options }),
    );
  }

  /** Last revision and hash of every stream, from each stream's newest visible event (verifyLogAndHeads). */
  async streamHeads(): Promise<Map<string, { revision: number; hash: string }>> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ stream: string; revision: number; hash: string }>(SQL.streamHeads);
    return new Map(rows.map((row) => [row.stream, { revision: row.revision, hash: row.hash }]));
  }

  /** How many transactions the group committer ran for how many appends (diagnostics, tests). */
  groupCommitStats(): PgGroupCommitStats {
    return this.committer.stats();
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.pool.query('SELECT 1');
  }

  /** Writes what is still queued, stops subscriptions and the listener, ends the pool. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.committer.flush();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await this.listener?.stop();
    this.closed = true;
    await this.pool.end();
  }

  private nudgeAll(): void {
    for (const s of this.subscriptions) s.nudge();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('PostgresEventStore is closed');
  }
}
