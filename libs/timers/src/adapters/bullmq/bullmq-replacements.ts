import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { TimerSpec } from '../../timer-scheduler.port';
import { errorText } from '../../timer-support';

/**
 * A timer scheduled again while its job is active cannot be added under the same jobId (BullMQ
 * ignores duplicates) nor removed (the job is locked). Its new spec waits in a Redis hash
 * `<prefix>:<queue>:bihuan:replacements` and is promoted to a job once the active one is gone —
 * by the worker when the job finishes, and by the scheduling process watching the job's state.
 */
export class BullmqReplacements {
  private readonly finished = new Set<string>();
  private flushing: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly queue: Queue,
    readonly key: string,
    /** Replaces the job atomically; false when it is active (locked) again. */
    private readonly replace: (spec: TimerSpec) => Promise<boolean>,
    private readonly watchLimitMs: number,
  ) {}

  /** Parks the spec and starts watching the active job (not awaited: the caller may be its handler). */
  async defer(spec: TimerSpec): Promise<void> {
    await this.redis.hset(this.key, spec.id, JSON.stringify(spec));
    void this.watch(spec.id);
  }

  async get(id: string): Promise<TimerSpec | null> {
    const raw = await this.redis.hget(this.key, id);
    return raw ? (JSON.parse(raw) as TimerSpec) : null;
  }

  async has(id: string): Promise<boolean> {
    return (await this.redis.hexists(this.key, id)) === 1;
  }

  async drop(id: string): Promise<void> {
    await this.redis.hdel(this.key, id);
  }

  async all(): Promise<TimerSpec[]> {
    return Object.values(await this.redis.hgetall(this.key)).map((raw) => JSON.parse(raw) as TimerSpec);
  }

  /** Called for every finished job; batched so that the common case costs one HLEN per tick. */
  noteFinished(id: string): void {
    this.finished.add(id);
    this.flushing ??= setTimeout(() => void this.flush(), 10);
  }

  async dispose(): Promise<void> {
    if (this.flushing) clearTimeout(this.flushing);
    this.flushing = null;
    await this.flush();
  }

  private async flush(): Promise<void> {
    this.flushing = null;
    const ids = [...this.finished];
    this.finished.clear();
    if (ids.length === 0 || this.redis.status !== 'ready') return;
    try {
      if ((await this.redis.hlen(this.key)) === 0) return;
      for (const id of ids) await this.promote(id);
    } catch (error) {
      process.emitWarning(`BullmqTimerScheduler replacement check failed: ${errorText(error)}`);
    }
  }

  /** Polls the job until it is no longer active, then promotes its replacement. */
  private async watch(id: string): Promise<void> {
    const until = Date.now() + this.watchLimitMs;
    try {
      while (Date.now() < until && this.redis.status === 'ready') {
        if ((await this.queue.getJobState(id)) !== 'active') {
          await this.promote(id);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } catch (error) {
      process.emitWarning(`BullmqTimerScheduler replacement watch failed: ${errorText(error)}`);
    }
  }

  /**
   * Takes the replacement atomically (so only one process promotes it) and turns it into the job.
   * A crash between the two leaves the id with no job nor replacement only when its delivery had
   * finished: the timer reconciler then re-arms it from the pending deadlines.
   */
  private async promote(id: string): Promise<void> {
    const result = await this.redis.multi().hget(this.key, id).hdel(this.key, id).exec();
    const raw = result?.[0]?.[1];
    if (typeof raw !== 'string') return;
    if (!(await this.replace(JSON.parse(raw) as TimerSpec))) {
      // Active again (a retry started): park it back unless a newer one arrived, and keep watching.
      await this.redis.hsetnx(this.key, id, raw);
      void this.watch(id);
    }
  }
}
