import { Job, JobsOptions, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Clock, SystemClock } from '@bihuan/core';
import { TimerHandler, TimerScheduler, TimerSpec } from '../../timer-scheduler.port';
import { byDueAt, errorText, lastPerId, parseDueAt, validateTimer } from '../../timer-support';
import { DEFAULT_REDIS_URL, openRedis } from './bullmq-connection';
import { JOB_NAME, missingJobs, replaceJob, TimerJobData } from './bullmq-jobs';
import { BullmqReplacements } from './bullmq-replacements';

export interface BullmqTimerSchedulerOptions {
  /** REDIS_URL, e.g. `redis://127.0.0.1:6379`. */
  readonly connection?: string;
  /** Default `bihuan-timers` (TIMER_QUEUE). One queue per deployment; tests use a unique name. */
  readonly queueName?: string;
  /**
   * BullMQ's key prefix (REDIS_PREFIX), default `bull`: every key of the queue, and its parked
   * replacements, start with `<prefix>:<queue>:`, so deployments with different prefixes (or
   * queue names) share one Redis without seeing each other's timers.
   */
  readonly prefix?: string;
  /** How long a delivery's lock lasts before another worker's stalled check re-runs it. Default 30 s (BullMQ's). */
  readonly lockDurationMs?: number;
  /** How often a worker looks for stalled deliveries. Default 30 s (BullMQ's). */
  readonly stalledIntervalMs?: number;
  /** Turns dueAt into a job delay. Default the system clock (BullMQ itself runs on real time). */
  readonly clock?: Clock;
  /** Handler calls running at once in this process. Default 50. */
  readonly concurrency?: number;
  /** Deliveries before BullMQ gives up on a job (it is then removed; re-arming restores it). Default 12. */
  readonly attempts?: number;
  /** BullMQ retry backoff after a throwing handler. Default exponential from 1 s. */
  readonly backoff?: { readonly type: 'exponential' | 'fixed'; readonly delay: number };
}

interface WorkerSettings {
  readonly concurrency: number;
  readonly attempts: number;
  readonly backoff: { type: 'exponential' | 'fixed'; delay: number };
  readonly prefix: string;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
}

const PENDING_STATES = ['delayed', 'waiting', 'prioritized', 'paused', 'waiting-children', 'active'] as const;
/** Jobs per addBulk / EXISTS pipeline in `scheduleMany`. */
const BULK_CHUNK = 2_000;

/**
 * Timers as BullMQ delayed jobs (`REDIS_URL` set): jobId = timer id, delay = dueAt − now.
 * Replacing a timer removes the old job and adds the new one in one MULTI (`replaceJob`); a timer
 * replaced while its job is active is parked (see BullmqReplacements). Finished jobs are removed so
 * an id can be reused.
 */
export class BullmqTimerScheduler implements TimerScheduler {
  readonly kind = 'bullmq' as const;
  private worker: Worker<TimerJobData> | null = null;
  private workerRedis: Redis | null = null;
  private readonly replacements: BullmqReplacements;
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    private readonly url: string,
    private readonly redis: Redis,
    readonly queue: Queue<TimerJobData>,
    private readonly clock: Clock,
    private readonly opts: WorkerSettings,
  ) {
    // Inside the queue's own key space (a job id has no `:`, so no job key can be this one).
    const key = queue.toKey('bihuan:replacements');
    this.replacements = new BullmqReplacements(redis, queue as Queue, key, (spec) => this.replaceJob(spec), 10 * 60_000);
    // `ready` after a lost connection: Redis is back, possibly empty (restarted without persistence).
    let lost = false;
    redis.on('close', () => {
      lost = true;
    });
    redis.on('ready', () => {
      if (!lost) return;
      lost = false;
      for (const listener of this.reconnectListeners) listener();
    });
  }

  /** Told when Redis answers again after the connection was lost (see TimerScheduler.onReconnect). */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  static async connect(options: BullmqTimerSchedulerOptions = {}): Promise<BullmqTimerScheduler> {
    const url = options.connection ?? process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
    const redis = await openRedis(url);
    const prefix = options.prefix ?? 'bull';
    const queue = new Queue<TimerJobData>(options.queueName ?? 'bihuan-timers', { connection: redis, prefix });
    queue.on('error', (error) => process.emitWarning(`BullmqTimerScheduler queue: ${errorText(error)}`));
    await queue.waitUntilReady();
    return new BullmqTimerScheduler(url, redis, queue, options.clock ?? new SystemClock(), {
      concurrency: options.concurrency ?? 50,
      attempts: options.attempts ?? 12,
      backoff: options.backoff ?? { type: 'exponential', delay: 1_000 },
      prefix,
      lockDurationMs: options.lockDurationMs ?? 30_000,
      stalledIntervalMs: options.stalledIntervalMs ?? 30_000,
    });
  }

  /**
   * Drops an older parked replacement first (so none is promoted over this one), then replaces the
   * job atomically; an active job keeps running and this spec is parked to follow it.
   */
  async schedule(timer: TimerSpec): Promise<void> {
    validateTimer(timer);
    await this.replacements.drop(timer.id);
    if (!(await this.replaceJob(timer))) await this.replacements.defer(timer);
  }

  /**
   * The batching path: `addBulk` per 2,000 timers, as plain BullMQ would. One multi-key EXISTS per
   * chunk (sent while the previous chunk is being added) tells whether any id already has a job;
   * only then does a per-id pipeline sort them, and those take the one-by-one replace path.
   */
  async scheduleMany(timers: readonly TimerSpec[]): Promise<void> {
    timers.forEach(validateTimer);
    const unique = lastPerId(timers);
    const chunks: TimerSpec[][] = [];
    for (let i = 0; i < unique.length; i += BULK_CHUNK) chunks.push(unique.slice(i, i + BULK_CHUNK));
    const countExisting = (chunk: TimerSpec[]) => settle(this.redis.exists(...chunk.map((t) => this.queue.toKey(t.id))));
    let next = chunks.length > 0 ? countExisting(chunks[0]!) : null;
    for (const [k, chunk] of chunks.entries()) {
      const existing = await next!;
      next = k + 1 < chunks.length ? countExisting(chunks[k + 1]!) : null;
      if (existing instanceof Error) throw existing;
      if (existing === 0) await this.addMany(chunk);
      else await this.replaceMany(chunk);
    }
  }
  async reschedule(id: string, dueAt: string): Promise<void> {
    parseDueAt(dueAt);
    const replacement = await this.replacements.get(id);
    const job = replacement ? null : await this.queue.getJob(id);
    const current = replacement ?? (job ? { id, dueAt: job.data.dueAt, payload: job.data.payload } : null);
    if (current) await this.schedule({ ...current, dueAt });
  }

  /** Removes the job (an active delivery cannot be recalled; it finishes) and any parked replacement. */
  async cancel(id: string): Promise<void> {
    await this.replacements.drop(id);
    await this.queue.remove(id);
  }

  async missing(ids: readonly string[]): Promise<string[]> {
    return missingJobs(this.redis, this.queue as Queue, this.replacements.key, ids);
  }

  async pending(): Promise<TimerSpec[]> {
    const jobs = (await this.queue.getJobs([...PENDING_STATES])) as (Job<TimerJobData> | undefined)[];
    const byId = new Map<string, TimerSpec>();
    for (const job of jobs) {
      if (job?.id) byId.set(job.id, { id: job.id, dueAt: job.data.dueAt, payload: job.data.payload });
    }
    for (const spec of await this.replacements.all()) byId.set(spec.id, spec);
    return [...byId.values()].sort(byDueAt);
  }

  async start(handler: TimerHandler): Promise<void> {
    if (this.worker) throw new Error('BullmqTimerScheduler already started');
    this.workerRedis = await openRedis(this.url);
    const worker = new Worker<TimerJobData>(
      this.queue.name,
      async (job) => {
        const attempt = Math.max(job.attemptsStarted ?? 0, job.attemptsMade + 1);
        try {
          await handler({ id: job.id!, dueAt: job.data.dueAt, payload: job.data.payload, attempt });
        } catch (error) {
          // Replaced while running: the replacement supersedes this delivery, so do not retry it.
          if (await this.replacements.has(job.id!)) return;
          throw error;
        }
      },
      // maxStalledCount: a worker that crashes mid-handler costs a redelivery, not the timer.
      {
        connection: this.workerRedis,
        prefix: this.opts.prefix,
        concurrency: this.opts.concurrency,
        maxStalledCount: 5,
        lockDuration: this.opts.lockDurationMs,
        stalledInterval: this.opts.stalledIntervalMs,
        autorun: true,
      },
    );
    worker.on('completed', (job) => this.replacements.noteFinished(job.id!));
    worker.on('failed', (job) => job?.id && this.replacements.noteFinished(job.id));
    worker.on('error', (error) => process.emitWarning(`BullmqTimerScheduler worker: ${errorText(error)}`));
    await worker.waitUntilReady();
    this.worker = worker;
  }

  /** Closes the worker; BullMQ waits for running handlers before resolving. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.close();
    await this.replacements.dispose();
    if (this.workerRedis) await this.workerRedis.quit().catch(() => undefined);
    this.workerRedis = null;
  }

  async close(): Promise<void> {
    this.reconnectListeners.clear();
    await this.stop();
    await this.queue.close();
    await this.redis.quit().catch(() => undefined);
  }

  /** Deletes the queue and its parked replacements (tests and benchmarks). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
    await this.redis.del(this.replacements.key);
  }

  private async addMany(timers: readonly TimerSpec[]): Promise<void> {
    const now = this.clock.now().getTime();
    await this.queue.addBulk(timers.map((t) => ({ name: JOB_NAME, data: this.data(t), opts: this.jobOptions(t, now) })));
  }

  /** Some ids in the chunk have a job: new ones in bulk, the others replaced one by one. */
  private async replaceMany(chunk: readonly TimerSpec[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const t of chunk) pipeline.exists(this.queue.toKey(t.id));
    const exists = (await pipeline.exec()) ?? [];
    const fresh = chunk.filter((_, k) => exists[k]?.[1] === 0);
    if (fresh.length > 0) await this.addMany(fresh);
    for (const t of chunk.filter((_, k) => exists[k]?.[1] !== 0)) await this.schedule(t);
  }

  private replaceJob(timer: TimerSpec): Promise<boolean> {
    return replaceJob(this.queue, timer.id, this.data(timer), this.jobOptions(timer));
  }

  private data(timer: TimerSpec): TimerJobData {
    return { dueAt: timer.dueAt, payload: { ...timer.payload } };
  }

  private jobOptions(timer: TimerSpec, now = this.clock.now().getTime()): JobsOptions {
    return {
      jobId: timer.id,
      delay: Math.max(0, Date.parse(timer.dueAt) - now),
      attempts: this.opts.attempts,
      backoff: { ...this.opts.backoff },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }
}

/** A promise that never rejects (its error is the value), so a prefetch left unawaited is safe. */
function settle<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/** A unique queue name for a test run or a benchmark. */
export function uniqueQueueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
