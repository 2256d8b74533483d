import BetterSqlite3, { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Clock } from '@bihuan/core';
import { TimerHandler, TimerScheduler, TimerSpec } from '../../timer-scheduler.port';
import { BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs, errorText, lastPerId, parseDueAt, validateTimer } from '../../timer-support';
import { TimerRow, TimerStatements, prepareTimerStatements } from './sqlite-timer.statements';

export interface SqliteTimerSchedulerOptions {
  /** Path of the event store's SQLite file (a connection of our own is opened), or an open handle. */
  readonly file: string | Database;
  readonly clock: Clock;
  /** Idle wait between polls; a full batch polls again at once. Default 200 ms. */
  readonly pollMs?: number;
  /** How long a claim is ours; renewed while the handler runs. Default 30 s. */
  readonly leaseMs?: number;
  /** Lease holder name; unique per process. Default `<host>-<pid>-<random>`. */
  readonly owner?: string;
  /** Deliveries before a timer is parked (kept, not polled, `last_error` set). Default unlimited. */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  /** Rows claimed per poll. Default 500. */
  readonly batchSize?: number;
  /** Handler calls running at once. Default 16. */
  readonly concurrency?: number;
}

/** A write waiting for the next turn of the event loop (`write`), and the caller waiting for it. */
interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * The embedded default: timers in the store's SQLite file, delivered by a poller that leases due
 * rows in one atomic UPDATE … RETURNING, so several processes on one file never both deliver a
 * timer while a lease holds; a crashed holder's lease expires and the row is claimed again
 * (attempt + 1). Delivery is at-least-once.
 * Every write goes through `write`: at the start of an event-loop turn (ADR 0030).
 */
export class SqliteTimerScheduler implements TimerScheduler {
  readonly kind = 'sqlite' as const;
  private readonly sql: TimerStatements;
  private handler: TimerHandler | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private queued: QueuedWrite[] = [];
  private flushScheduled = false;
  private readonly writeBatch: (batch: readonly QueuedWrite[], outcomes: WriteOutcome[]) => void;

  private constructor(
    private readonly db: Database,
    private readonly ownsDb: boolean,
    private readonly clock: Clock,
    private readonly opts: Required<Omit<SqliteTimerSchedulerOptions, 'file' | 'clock' | 'maxAttempts'>> & { maxAttempts: number },
  ) {
    this.sql = prepareTimerStatements(db);
    const batch = db.transaction((writes: readonly QueuedWrite[], outcomes: WriteOutcome[]) => {
      // A failed statement undoes only itself: the others of the turn still commit.
      for (const queued of writes) {
        try {
          outcomes.push({ ok: true, value: queued.work() });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
    this.writeBatch = (writes, outcomes) => batch.immediate(writes, outcomes);
  }

  static async open(options: SqliteTimerSchedulerOptions): Promise<SqliteTimerScheduler> {
    const ownsDb = typeof options.file === 'string';
    const db = typeof options.file === 'string' ? new BetterSqlite3(options.file) : options.file;
    if (ownsDb) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    }
    return new SqliteTimerScheduler(db, ownsDb, options.clock, {
      pollMs: options.pollMs ?? 200,
      leaseMs: options.leaseMs ?? 30_000,
      owner: options.owner ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      maxAttempts: options.maxAttempts ?? Number.POSITIVE_INFINITY,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      batchSize: options.batchSize ?? 500,
      concurrency: options.concurrency ?? 16,
    });
  }

  async schedule(timer: TimerSpec): Promise<void> {
    const row = this.row(timer, validateTimer(timer));
    await this.write(() => this.sql.upsert.run(row));
  }

  /** All or none (a savepoint within the turn's transaction): the fast path for re-arming thousands of deadlines. */
  async scheduleMany(timers: readonly TimerSpec[]): Promise<void> {
    const rows = lastPerId(timers).map((t) => this.row(t, validateTimer(t)));
    await this.write(
      this.db.transaction(() => {
        for (const row of rows) this.sql.upsert.run(row);
      }),
    );
  }

  async reschedule(id: string, dueAt: string): Promise<void> {
    const dueMs = parseDueAt(dueAt);
    await this.write(() => this.sql.reschedule.run({ id, dueIso: dueAt, dueMs, version: randomUUID() }));
  }

  async cancel(id: string): Promise<void> {
    await this.write(() => this.sql.cancel.run(id));
  }

  async pending(): Promise<TimerSpec[]> {
    const rows = this.sql.pending.all() as { id: string; due_iso: string; payload: string }[];
    return rows.map((r) => ({ id: r.id, dueAt: r.due_iso, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  /** One query over the primary key for all ids (a JSON array parameter, so no limit on their number). */
  async missing(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const present = new Set(this.sql.present.all(JSON.stringify(ids)) as string[]);
    return ids.filter((id) => !present.has(id));
  }

  async start(handler: TimerHandler): Promise<void> {
    if (this.loop) throw new Error('SqliteTimerScheduler already started');
    this.handler = handler;
    const every = Math.max(50, Math.floor(this.opts.leaseMs / 3));
    this.renewTimer = setInterval(() => this.renewLeases(), every);
    this.loop = this.pollLoop();
  }

  async stop(): Promise<void> {
    this.handler = null;
    this.wake?.();
    await this.loop;
    this.loop = null;
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.db.open) this.flushWrites(); // what was asked for this turn is written, not dropped
    if (this.ownsDb && this.db.open) this.db.close();
  }

  /**
   * Runs `work`, a synchronous write on this connection, at the start of the next event-loop turn
   * with every other write asked for in this one, in one IMMEDIATE transaction (one commit for a
   * turn's completions). Never at once: the caller may be in the middle of a chain of promise jobs
   * in which a Kysely transaction on another connection of this process (a read model's batch)
   * holds the file's write lock. A write there waits busy_timeout with the whole process blocked
   * (the holder cannot move until it returns), then fails; deliveries that finish without I/O
   * then queued such waits back to back and held the event loop for minutes, leases lapsing
   * (ADR 0030). Such a transaction never spans a turn, so none is open when a turn starts.
   */
  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(this.flushWrites);
    });
  }

  private readonly flushWrites = (): void => {
    this.flushScheduled = false;
    const writes = this.queued;
    if (writes.length === 0) return;
    this.queued = [];
    const outcomes: WriteOutcome[] = [];
    try {
      this.writeBatch(writes, outcomes);
    } catch (error) {
      // BEGIN or COMMIT failed (another process's lock beyond busy_timeout, a closed file): none was written.
      for (const queued of writes) queued.reject(error);
      return;
    }
    writes.forEach((queued, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  };

  private row(timer: TimerSpec, dueMs: number) {
    return { id: timer.id, dueIso: timer.dueAt, dueMs, payload: JSON.stringify(timer.payload ?? {}), version: randomUUID() };
  }

  /** A method, not a field read, so TypeScript does not keep a narrowing across awaits. */
  private running(): boolean {
    return this.handler !== null;
  }

  private async pollLoop(): Promise<void> {
    while (this.running()) {
      let claimed = 0;
      try {
        claimed = await this.pollOnce();
      } catch (error) {
        process.emitWarning(`SqliteTimerScheduler poll failed: ${errorText(error)}`);
      }
      if (this.running() && claimed < this.opts.batchSize) await this.sleep(this.opts.pollMs);
    }
  }

  /** Claims one batch of due rows and delivers it; returns how many were claimed. */
  private async pollOnce(): Promise<number> {
    const claimed = await this.write(() => {
      const now = this.clock.now().getTime();
      return this.sql.claim.all({ owner: this.opts.owner, until: now + this.opts.leaseMs, now, limit: this.opts.batchSize }) as TimerRow[];
    });
    const rows = claimed.sort((a, b) => a.due_at - b.due_at);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const handler = this.handler;
        if (handler !== null) await this.deliver(row, handler);
        else await this.write(() => this.sql.release.run({ id: row.id, version: row.version, owner: this.opts.owner }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, rows.length) }, lane));
    return rows.length;
  }

  private async deliver(row: TimerRow, handler: TimerHandler): Promise<void> {
    let failure: unknown = null;
    try {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      await handler({ id: row.id, dueAt: row.due_iso, payload, attempt: row.attempt });
    } catch (error) {
      failure = error ?? new Error('handler failed');
    }
    try {
      if (failure === null) {
        await this.write(() => this.sql.complete.run({ id: row.id, version: row.version }));
        return;
      }
      const parked = row.attempt >= this.opts.maxAttempts;
      const nextAt = parked ? null : this.clock.now().getTime() + backoffDelayMs(this.opts.backoff, row.attempt);
      const error = errorText(failure).slice(0, 2000);
      await this.write(() => this.sql.fail.run({ id: row.id, version: row.version, nextAt, error }));
    } catch (error) {
      // The row keeps our lease until it expires; then it is delivered again (at-least-once).
      process.emitWarning(`SqliteTimerScheduler could not record the outcome of ${row.id}: ${errorText(error)}`);
    }
  }

  private renewLeases(): void {
    this.write(() => this.sql.renew.run({ owner: this.opts.owner, until: this.clock.now().getTime() + this.opts.leaseMs })).catch(
      (error: unknown) => process.emitWarning(`SqliteTimerScheduler lease renewal failed: ${errorText(error)}`),
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}
